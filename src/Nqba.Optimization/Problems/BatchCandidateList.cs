namespace Nqba.Optimization.Problems;

/// <summary>The possible placements of one batch request: parallel arrays of specialist and start, preferred specialist first.</summary>
internal sealed class BatchCandidateList(int[] specialist, int[] start)
{
    public int[] Specialist { get; } = specialist;

    public int[] Start { get; } = start;

    public int Count => Specialist.Length;

    public BatchPlacement Placement(int candidate) => new(Specialist[candidate], Start[candidate]);
}
