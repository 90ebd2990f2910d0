using Nqba.Bench;

var directory = Environment.GetEnvironmentVariable("NQBA_GSET") ?? "/work/shared/bench/gset";
switch (args.FirstOrDefault())
{
    case "kernel":
        KernelProbe.Run(directory, args[1..]);
        return 0;
    case "probe":
        Probe.Run(directory, args[1..]);
        return 0;
    default:
        Console.Error.WriteLine("usage: Nqba.Bench probe|gset|business ...");
        return 2;
}
