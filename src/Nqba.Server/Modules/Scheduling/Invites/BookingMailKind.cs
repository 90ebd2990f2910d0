namespace Nqba.Server.Modules.Scheduling.Invites;

/// <summary>Why a booking mail goes out.</summary>
public enum BookingMailKind
{
    Confirmed,
    Moved,
    Cancelled,
    Reminder,
    FollowUp,
    Requested,
    Declined,
}
