namespace Nqba.Server.Modules.Support.Assignment;

/// <summary>Who of a team's rotation is on call at an instant: shifts of fixed length, in order, from the rotation's start.</summary>
internal static class OnCallRotation
{
    public static IReadOnlyList<Guid> Members(SupportTeam team) =>
        [.. team.OnCallRotation.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Guid.Parse)];

    public static Guid? OnCallAt(SupportTeam team, DateTime at)
    {
        var members = Members(team);
        if (members.Count == 0 || team.ShiftHours <= 0)
        {
            return null;
        }

        var shift = TimeSpan.FromHours(team.ShiftHours).Ticks;
        var index = (long)Math.Floor((double)(at - team.RotationStart).Ticks / shift);
        var slot = (int)(((index % members.Count) + members.Count) % members.Count);
        return members[slot];
    }
}
