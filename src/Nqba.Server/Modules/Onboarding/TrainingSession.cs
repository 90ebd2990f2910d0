namespace Nqba.Server.Modules.Onboarding;

/// <summary>A training session of a client's onboarding for one client role; who attended is recorded per user.</summary>
internal sealed class TrainingSession
{
    public Guid Id { get; set; }

    public Guid OnboardingId { get; set; }

    /// <summary>The client organization (the tenant filter confines client users to their own).</summary>
    public Guid OrganizationId { get; set; }

    public string Title { get; set; } = "";

    /// <summary>The client role the session trains (one of Access's client roles).</summary>
    public string Role { get; set; } = "";

    public DateTime StartsAt { get; set; }

    public int DurationMinutes { get; set; }

    public DateTime CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";

    public List<TrainingAttendance> Attendance { get; set; } = [];
}

/// <summary>One provisioned user attended one session (recorded once: unique per session and user).</summary>
internal sealed class TrainingAttendance
{
    public Guid Id { get; set; }

    public Guid SessionId { get; set; }

    public Guid OrganizationId { get; set; }

    public Guid UserId { get; set; }

    public DateTime RecordedAt { get; set; }

    public string RecordedBy { get; set; } = "";
}
