namespace Nqba.Server.Platform.Jobs;

/// <summary>What follows a failed run: nothing until the next fire time, or a few more attempts straight away.</summary>
internal sealed record JobRetry(int ImmediateAttempts)
{
    /// <summary>A failed run waits for the job's next fire time (work that polls: the next look finds the same work).</summary>
    public static JobRetry AtNextFire { get; } = new(0);

    /// <summary>A failed run is attempted again at once, up to <paramref name="attempts"/> more times.</summary>
    public static JobRetry Immediately(int attempts) => new(attempts);

    public override string ToString() => ImmediateAttempts == 0 ? "next fire" : $"{ImmediateAttempts}× at once";
}
