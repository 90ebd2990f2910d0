namespace Nqba.Server.Modules.Scheduling.Bookings;

/// <summary>Where a booking stands. <see cref="Held"/> is a slot reserved for a few minutes while the form is filled in.</summary>
internal enum BookingStatus
{
    Held,
    Booked,
    Cancelled,
    Completed,
    NoShow,
}
