namespace Nqba.Optimization.Problems;

/// <summary>A half-open interval <c>[Start, End)</c> in minutes from the start of a scheduling horizon.</summary>
/// <param name="Start">First minute inside the interval.</param>
/// <param name="End">First minute after the interval.</param>
public readonly record struct MinuteInterval(int Start, int End)
{
    /// <summary>The length in minutes.</summary>
    public int Length => End - Start;

    /// <summary>True when <c>[start, end)</c> lies inside this interval.</summary>
    public bool Contains(int start, int end) => Start <= start && end <= End;

    /// <summary>True when this interval and <c>[start, end)</c> share at least one minute.</summary>
    public bool Overlaps(int start, int end) => Start < end && start < End;
}
