using CsCheck;
using Nqba.Optimization.Problems;
using Nqba.Optimization.Solvers;

namespace Nqba.Optimization.Tests.Problems;

public sealed class BatchSchedulingProblemTests
{
    private static readonly MinuteInterval Morning = new(540, 720);

    private static SolverOptions Deterministic(int seed) => new() { Seed = seed, MaxSweeps = 2_000, TimeLimit = TimeSpan.FromMinutes(5) };

    private static BatchSchedulingProblem OneSpecialist(params BatchMeetingRequest[] requests) =>
        new([new BatchSpecialist(0, [Morning])], requests, 1440);

    [Fact]
    public void Validate_GapShorterThanBuffer_ReportsOverlap()
    {
        var problem = OneSpecialist(new BatchMeetingRequest(0, 30, [Morning]), new BatchMeetingRequest(0, 30, [Morning]));

        var tooClose = problem.Validate([new BatchPlacement(0, 540), new BatchPlacement(0, 580)]);
        var exactBuffer = problem.Validate([new BatchPlacement(0, 540), new BatchPlacement(0, 585)]);

        Assert.Single(tooClose);
        Assert.Contains("requests 0 and 1", tooClose[0], StringComparison.Ordinal);
        Assert.Empty(exactBuffer);
    }

    [Fact]
    public void Validate_DifferentBuffers_KeepsTheLargerOneOnBothSides()
    {
        // The first meeting has no buffer, the second asks for 30 minutes: 15 minutes between them is not enough,
        // whichever comes first.
        var problem = OneSpecialist(new BatchMeetingRequest(0, 30, [Morning], BufferMinutes: 0), new BatchMeetingRequest(0, 30, [Morning], BufferMinutes: 30));

        Assert.NotEmpty(problem.Validate([new BatchPlacement(0, 540), new BatchPlacement(0, 585)]));
        Assert.NotEmpty(problem.Validate([new BatchPlacement(0, 585), new BatchPlacement(0, 540)]));
        Assert.Empty(problem.Validate([new BatchPlacement(0, 540), new BatchPlacement(0, 600)]));
    }

    [Fact]
    public void Validate_OutsideWindowAvailabilityBusyOrUnit_ReportsEach()
    {
        var specialists = new[]
        {
            new BatchSpecialist(0, [Morning], [new MinuteInterval(660, 690)]),
            new BatchSpecialist(1, [Morning]),
        };
        var problem = new BatchSchedulingProblem(specialists, [new BatchMeetingRequest(0, 60, [new MinuteInterval(540, 720)])], 1440);

        Assert.Empty(problem.Validate([new BatchPlacement(0, 540)]));
        Assert.Contains(problem.Validate([new BatchPlacement(0, 720)]), v => v.Contains("outside the client's windows", StringComparison.Ordinal));
        Assert.Contains(problem.Validate([new BatchPlacement(0, 690)]), v => v.Contains("availability", StringComparison.Ordinal));
        Assert.Contains("busy", Assert.Single(problem.Validate([new BatchPlacement(0, 600)])), StringComparison.Ordinal);
        Assert.Contains("unit", Assert.Single(problem.Validate([new BatchPlacement(1, 540)])), StringComparison.Ordinal);
        Assert.Contains("does not exist", Assert.Single(problem.Validate([new BatchPlacement(7, 540)])), StringComparison.Ordinal);
    }

    public static TheoryData<string, Func<BatchSchedulingProblem>> InvalidInputs => new()
    {
        { "horizonMinutes", () => new BatchSchedulingProblem([], [], 0) },
        { "granuleMinutes", () => new BatchSchedulingProblem([], [], 60, 0) },
        { "specialists[0].Available[0]", () => new BatchSchedulingProblem([new BatchSpecialist(0, [new MinuteInterval(60, 30)])], [], 1440) },
        { "specialists[0].Busy[1]", () => new BatchSchedulingProblem([new BatchSpecialist(0, [Morning], [Morning, new MinuteInterval(0, 2000)])], [], 1440) },
        { "requests[0].DurationMinutes", () => OneSpecialist(new BatchMeetingRequest(0, 0, [Morning])) },
        { "requests[0].BufferMinutes", () => OneSpecialist(new BatchMeetingRequest(0, 30, [Morning], BufferMinutes: -5)) },
        { "requests[1].Weight", () => OneSpecialist(new BatchMeetingRequest(0, 30, [Morning]), new BatchMeetingRequest(0, 30, [Morning], double.NaN)) },
        { "requests[0].Weight", () => OneSpecialist(new BatchMeetingRequest(0, 30, [Morning], 0)) },
        { "requests[0].StartWindows", () => OneSpecialist(new BatchMeetingRequest(0, 30, [])) },
        { "requests[0].StartWindows[0]", () => OneSpecialist(new BatchMeetingRequest(0, 30, [new MinuteInterval(-15, 30)])) },
        { "requests[0].PreferredSpecialist", () => OneSpecialist(new BatchMeetingRequest(0, 30, [Morning], PreferredSpecialist: 3)) },
        { "requests[0].PreferredSpecialist", () => new BatchSchedulingProblem([new BatchSpecialist(1, [Morning])], [new BatchMeetingRequest(0, 30, [Morning], PreferredSpecialist: 0)], 1440) },
    };

    [Theory]
    [MemberData(nameof(InvalidInputs))]
    public void Constructor_InvalidInput_NamesTheField(string field, Func<BatchSchedulingProblem> create)
    {
        var error = Assert.ThrowsAny<ArgumentException>(create);

        Assert.Equal(field, error.ParamName);
    }

    [Fact]
    public void Solve_OneSlotTwoRequests_PlacesTheHeavierOne()
    {
        // Only 60 minutes of availability: exactly one of the two meetings fits.
        var problem = new BatchSchedulingProblem(
            [new BatchSpecialist(0, [new MinuteInterval(540, 600)])],
            [new BatchMeetingRequest(0, 60, [Morning], Weight: 2), new BatchMeetingRequest(0, 30, [Morning], Weight: 5)],
            1440);

        foreach (var schedule in new[] { problem.SolveExact(TimeSpan.FromSeconds(10)), problem.SolveHeuristic(Deterministic(1)), problem.Solve(Deterministic(1)) })
        {
            Assert.Null(schedule.Placements[0]);
            Assert.NotNull(schedule.Placements[1]);
            Assert.Equal(5, schedule.Objective);
            Assert.True(schedule.Feasible);
        }
    }

    [Fact]
    public void Solve_PreferredSpecialistFree_GetsIt()
    {
        var specialists = new[] { new BatchSpecialist(0, [Morning]), new BatchSpecialist(0, [Morning]), new BatchSpecialist(0, [Morning]) };
        var problem = new BatchSchedulingProblem(specialists, [new BatchMeetingRequest(0, 90, [Morning], PreferredSpecialist: 2), new BatchMeetingRequest(0, 90, [Morning])], 1440);

        var exact = problem.SolveExact(TimeSpan.FromSeconds(10));
        var heuristic = problem.SolveHeuristic(Deterministic(3));

        Assert.Equal(2, exact.Placements[0]?.Specialist);
        Assert.Equal(2, heuristic.Placements[0]?.Specialist);
        Assert.Equal(1, heuristic.PreferredMatches);
        Assert.True(exact.ProvenOptimal);
    }

    [Fact]
    public void Solve_RequestWithoutPossibleSlot_StaysUnplaced()
    {
        var problem = OneSpecialist(new BatchMeetingRequest(0, 30, [new MinuteInterval(800, 900)]), new BatchMeetingRequest(0, 30, [Morning]));

        var schedule = problem.Solve(Deterministic(1));

        Assert.Equal(0, problem.PlacementOptions(0));
        Assert.Null(schedule.Placements[0]);
        Assert.NotNull(schedule.Placements[1]);
        Assert.Equal(1, problem.PlaceableWeightBound);
        Assert.True(schedule.ProvenOptimal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Solve_TinyInstances_MatchBruteForce(int seed)
    {
        var problem = BatchInstances.Tiny(seed);
        var (weight, preferred) = BatchInstances.BruteForce(problem);

        var exact = problem.SolveExact(TimeSpan.FromSeconds(30));
        var heuristic = problem.SolveHeuristic(Deterministic(seed));

        Assert.True(exact.Feasible);
        Assert.True(exact.ProvenOptimal);
        Assert.True(heuristic.Feasible);
        Assert.Equal(weight, exact.Objective, 9);
        Assert.Equal(preferred, exact.PreferredMatches);
        Assert.Equal(weight, heuristic.Objective, 9);
        Assert.Equal(preferred, heuristic.PreferredMatches);
    }

    [Fact]
    public void Solve_RandomInstances_AlwaysFeasibleAndWithinTheBound()
    {
        BatchInstances.Generator.Sample(
            problem =>
            {
                var heuristic = problem.SolveHeuristic(new SolverOptions { Seed = 1, MaxSweeps = 200, TimeLimit = TimeSpan.FromMinutes(1) });
                var raced = problem.Solve(new SolverOptions { Seed = 1, MaxSweeps = 200, TimeLimit = TimeSpan.FromMinutes(1) });
                Assert.Empty(problem.Validate(heuristic.Placements));
                Assert.Empty(problem.Validate(raced.Placements));
                Assert.True(heuristic.Feasible && raced.Feasible);
                Assert.InRange(heuristic.Objective, 0, heuristic.UpperBound + 1e-9);
                Assert.InRange(raced.Objective, heuristic.Objective - 1e-9, raced.UpperBound + 1e-9);
            },
            iter: 60,
            threads: 1);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void SolveHeuristic_SmallInstances_ReachesTheCpSatOptimum(int seed)
    {
        var problem = BatchInstances.Tiny(seed, requests: 14);

        var exact = problem.SolveExact(TimeSpan.FromSeconds(30));
        var heuristic = problem.SolveHeuristic(Deterministic(seed));

        Assert.True(exact.ProvenOptimal);
        Assert.True(heuristic.Feasible);
        Assert.Equal(exact.Objective, heuristic.Objective, 9);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void ToConstrainedModel_FeasibleScheduleAndCollision_ScoredLikeTheProblem(int seed)
    {
        var problem = BatchInstances.Tiny(seed, requests: 8);
        var model = problem.ToConstrainedModel();
        var schedule = problem.SolveExact(TimeSpan.FromSeconds(30));

        var decisions = Decisions(problem, schedule.Placements);
        Assert.True(model.IsFeasible(decisions));
        Assert.Equal(-schedule.Objective, model.EvaluateObjective(decisions), 9);
    }

    [Fact]
    public void ToConstrainedModel_MeetingsTooClose_Infeasible()
    {
        var problem = OneSpecialist(new BatchMeetingRequest(0, 30, [Morning], 2), new BatchMeetingRequest(0, 60, [Morning], 3));
        var model = problem.ToConstrainedModel();

        BatchPlacement?[] apart = [new BatchPlacement(0, 540), new BatchPlacement(0, 585)];
        BatchPlacement?[] tooClose = [new BatchPlacement(0, 540), new BatchPlacement(0, 570)];

        Assert.True(model.IsFeasible(Decisions(problem, apart)));
        Assert.Equal(-5, model.EvaluateObjective(Decisions(problem, apart)), 9);
        Assert.False(model.IsFeasible(Decisions(problem, tooClose)));
    }

    [Fact]
    public void SolveWithAnnealer_TinyInstances_FeasibleAfterRepair()
    {
        for (var seed = 1; seed <= 4; seed++)
        {
            var problem = BatchInstances.Tiny(seed, requests: 10);

            var schedule = problem.SolveWithAnnealer(SolverFactory.Create("sa"), new SolverOptions { Seed = seed, MaxSweeps = 2_000, TimeLimit = TimeSpan.FromMinutes(1) });

            Assert.Empty(problem.Validate(schedule.Placements));
            Assert.True(schedule.Feasible);
            Assert.Equal("annealer", schedule.Method);
        }
    }

    private static byte[] Decisions(BatchSchedulingProblem problem, IReadOnlyList<BatchPlacement?> placements)
    {
        var decisions = new List<byte>();
        for (var r = 0; r < problem.Requests.Count; r++)
        {
            var chosen = placements[r] is { } p ? problem.Candidates[r].IndexOf(p) : -1;
            decisions.AddRange(Enumerable.Range(0, problem.PlacementOptions(r)).Select(c => (byte)(c == chosen ? 1 : 0)));
        }

        return [.. decisions];
    }
}
