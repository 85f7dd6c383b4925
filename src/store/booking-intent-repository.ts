import type { Container } from '@azure/cosmos';
import { bookingIntentSchema, type BookingIntent } from '../domain/calendar/booking-intent';
import { CosmosRepository } from './cosmos-repository';

/** Bookings under way, one per pair (calendar container, `kind: 'booking'`). */
export class BookingIntentRepository extends CosmosRepository<BookingIntent> {
  constructor(container: Container) {
    super(container, bookingIntentSchema, { code: 'not_found', entity: 'Booking' });
  }
}
