using CsCheck;
using Nqba.Optimization.Problems;

namespace Nqba.Optimization.Tests.Problems;

/// <summary>Small random batch-scheduling instances: a seeded builder for brute-force checks and a CsCheck generator.</summary>
internal static class BatchInstances
{
    public const int Horizon = 240;

    /// <summary>Specialists and requests over a 4-hour horizon, small enough for exhaustive search.</summary>
    public static BatchSchedulingProblem Tiny(int seed, int requests = 5)
    {
        var random = new Random(seed);
        var specialists = new List<BatchSpecialist>();
        for (var s = 0; s < 3; s++)
        {
            var from = random.Next(0, 4) * 15;
            var available = new List<MinuteInterval> { new(from, Math.Min(Horizon, from + 120 + (random.Next(0, 5) * 15))) };
            var busy = random.Next(3) == 0 ? new List<MinuteInterval> { new(from + 60 + random.Next(0, 40), from + 110) } : null;
            specialists.Add(new BatchSpecialist(s == 2 ? 1 : 0, available, busy));
        }

        var list = new List<BatchMeetingRequest>();
        for (var r = 0; r < requests; r++)
        {
            var unit = random.Next(4) == 0 ? 1 : 0;
            var start = random.Next(0, 10) * 15;
            var window = new MinuteInterval(start, start + 15 + (random.Next(0, 4) * 15));
            int? preferred = random.Next(3) == 0 ? (unit == 1 ? 2 : random.Next(2)) : null;
            list.Add(new BatchMeetingRequest(unit, 30 * random.Next(1, 4), [window], random.Next(1, 6), preferred, BufferMinutes: random.Next(3) * 10));
        }

        return new BatchSchedulingProblem(specialists, list, Horizon);
    }

    /// <summary>The optimum by exhaustive search over every specialist and every grid start, using <see cref="BatchSchedulingProblem.Validate"/> as the rule book.</summary>
    public static (double Weight, int Preferred) BruteForce(BatchSchedulingProblem problem)
    {
        var n = problem.Requests.Count;
        var placements = new BatchPlacement?[n];
        (double Weight, int Preferred) best = (0, 0);
        Search(0);
        return best;

        void Search(int r)
        {
            if (r == n)
            {
                var value = (problem.Objective(placements), problem.PreferredMatches(placements));
                if (value.Item1 > best.Weight + 1e-9 || (Math.Abs(value.Item1 - best.Weight) <= 1e-9 && value.Item2 > best.Preferred))
                {
                    best = value;
                }

                return;
            }

            placements[r] = null;
            Search(r + 1);
            for (var s = 0; s < problem.Specialists.Count; s++)
            {
                for (var t = 0; t < problem.HorizonMinutes; t += problem.GranuleMinutes)
                {
                    placements[r] = new BatchPlacement(s, t);
                    if (problem.IsFeasible(placements))
                    {
                        Search(r + 1);
                    }
                }
            }

            placements[r] = null;
        }
    }

    /// <summary>Random instances over one day: 1–6 specialists in up to 3 units, 1–25 requests of 30/60/90 minutes, mixed buffers, busy time.</summary>
    public static Gen<BatchSchedulingProblem> Generator =>
        Gen.Select(Specialist.Array[1, 6], Request.Array[1, 25], (specialists, requests) =>
            {
                var fixedRequests = requests.Select(q => q with
                {
                    PreferredSpecialist = q.PreferredSpecialist is { } p && specialists[p % specialists.Length].Unit == q.Unit ? p % specialists.Length : null,
                });
                return new BatchSchedulingProblem(specialists, [.. fixedRequests], Day);
            });

    private const int Day = 24 * 60;

    private static Gen<MinuteInterval> Interval(int minLength, int maxLength) =>
        Gen.Select(Gen.Int[0, Day - minLength], Gen.Int[minLength, maxLength])
            .Select((start, length) => new MinuteInterval(start, Math.Min(Day, start + length)));

    private static Gen<BatchSpecialist> Specialist { get; } =
        Gen.Select(Gen.Int[0, 2], Interval(60, 600).Array[1, 3], Interval(5, 120).Array[0, 4], (unit, available, busy) => new BatchSpecialist(unit, available, busy));

    private static Gen<BatchMeetingRequest> Request { get; } =
        Gen.Select(
            Gen.Int[0, 2],
            Gen.OneOfConst(30, 60, 90),
            Interval(1, 300).Array[1, 3],
            Gen.Int[1, 10],
            Gen.Int[-1, 5],
            Gen.OneOfConst(0, 5, 15, 30),
            (unit, duration, windows, weight, preferred, buffer) => new BatchMeetingRequest(unit, duration, windows, weight, preferred < 0 ? null : preferred, buffer));
}
