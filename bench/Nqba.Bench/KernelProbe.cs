using System.Diagnostics;
using System.Globalization;
using Nqba.Optimization.Formats;
using Nqba.Optimization.Graphs;
using Nqba.Optimization.Solvers;

namespace Nqba.Bench;

/// <summary>Raw annealing-kernel speed on one instance: sweeps per second and acceptance.</summary>
internal static class KernelProbe
{
    public static void Run(string directory, string[] args)
    {
        using var reader = File.OpenText(Path.Combine(directory, args[0]));
        var ising = new IsingModel(MaxCut.ToModel(RudyReader.Read(reader)));
        var sweeps = int.Parse(args[1], CultureInfo.InvariantCulture);
        var kernel = AnnealerFactory.Create(ising);
        var random = new Xoshiro256(1);
        for (var round = 0; round < 3; round++)
        {
            var clock = Stopwatch.StartNew();
            long attempts = 0, accepted = 0;
            while (clock.Elapsed < TimeSpan.FromSeconds(1))
            {
                kernel.Randomize(ref random);
                var ratio = Math.Pow(ising.DefaultBetaCold / ising.DefaultBetaHot, 1.0 / (sweeps - 1));
                var beta = ising.DefaultBetaHot;
                for (var s = 0; s < sweeps; s++)
                {
                    accepted += kernel.Sweep(beta, ref random);
                    beta *= ratio;
                }

                attempts += (long)sweeps * ising.N;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{args[0]}: {attempts / clock.Elapsed.TotalSeconds:E3} attempts/s, acceptance {(double)accepted / attempts:P1}, energy {kernel.Energy}"));
        }
    }
}
