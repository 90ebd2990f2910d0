namespace Nqba.Server.Modules.Scheduling.Bookings;

/// <summary>
/// Where a booking stands. <see cref="Held"/> is a slot reserved for a few minutes while the form is filled in;
/// <see cref="Pending"/> a booking of a type that requires confirmation, waiting for staff to confirm (it becomes
/// <see cref="Booked"/>) or decline it (<see cref="Cancelled"/>).
/// </summary>
internal enum BookingStatus
{
    Held,
    Booked,
    Cancelled,
    Completed,
    NoShow,
    Pending,
}
