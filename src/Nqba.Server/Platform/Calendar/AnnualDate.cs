namespace Nqba.Server.Platform.Calendar;

/// <summary>A month and day that recur every year, e.g. 25 December.</summary>
public readonly record struct AnnualDate(int Month, int Day)
{
    /// <summary>True when <paramref name="date"/> falls on this month and day.</summary>
    public bool Matches(DateOnly date) => date.Month == Month && date.Day == Day;
}
