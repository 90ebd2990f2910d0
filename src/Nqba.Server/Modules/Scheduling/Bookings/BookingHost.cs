namespace Nqba.Server.Modules.Scheduling.Bookings;

/// <summary>
/// A further host of a collective meeting (the booking's <see cref="Booking.SpecialistId"/> is the first): the meeting
/// takes their calendar time as well, and they get its mails.
/// </summary>
internal sealed class BookingHost
{
    public Guid BookingId { get; set; }

    public Guid SpecialistId { get; set; }
}
