namespace Nqba.Server.Modules.Onboarding;

/// <summary>The rules of the onboarding's role-based training sessions.</summary>
internal static class Training
{
    public const int MaxTitleLength = 200;

    public const int MinDurationMinutes = 15;

    public const int MaxDurationMinutes = 8 * 60;

    /// <summary>
    /// Whether every provisioned user has attended a session for their own role (and there is at least one user): what
    /// completes the training step.
    /// </summary>
    public static bool EveryoneTrained(IReadOnlyList<Access.ProvisionedUser> users, IEnumerable<TrainingSession> sessions)
    {
        var attended = sessions.SelectMany(s => s.Attendance.Select(a => (a.UserId, s.Role))).ToHashSet();
        return users.Count > 0 && users.All(u => attended.Contains((u.UserId, u.Role)));
    }
}
