namespace Nqba.Optimization.Problems;

/// <summary>The possible placements of one batch request: parallel arrays of specialist and start, preferred specialist first.</summary>
internal sealed class BatchCandidateList(int[] specialist, int[] start)
{
    public int[] Specialist { get; } = specialist;

    public int[] Start { get; } = start;

    public int Count => Specialist.Length;

    public BatchPlacement Placement(int candidate) => new(Specialist[candidate], Start[candidate]);

    /// <summary>The index of <paramref name="placement"/> among the candidates, or −1.</summary>
    public int IndexOf(BatchPlacement placement)
    {
        for (var c = 0; c < Count; c++)
        {
            if (Specialist[c] == placement.Specialist && Start[c] == placement.Start)
            {
                return c;
            }
        }

        return -1;
    }
}
