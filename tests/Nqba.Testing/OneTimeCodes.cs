using OtpNet;

namespace Nqba.Testing;

/// <summary>
/// Authenticator codes as a person's app shows them, computed independently of the server (Otp.NET), each time step
/// handed out once per key. The server refuses a code of a step it has accepted before (RFC 6238 §5.2), so a test
/// that signs one user in twice within 30 seconds gets the next step's code (the server accepts one step ahead) and,
/// past that, waits for the step to come.
/// </summary>
public static class OneTimeCodes
{
    private const int StepSeconds = 30;
    private static readonly Dictionary<string, long> LastStep = [];

    /// <summary>
    /// The next unused code for the base32 secret, at <paramref name="clock"/>'s time (the real time when null): a test
    /// server whose clock was moved on (<see cref="TestClock"/>) checks codes at its own time.
    /// </summary>
    public static async Task<string> NextAsync(string base32Key, TimeProvider? clock = null)
    {
        var key = Normalize(base32Key);
        long step;
        var now = (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        var current = StepOf(now);
        lock (LastStep)
        {
            step = LastStep.TryGetValue(key, out var last) ? Math.Max(last + 1, current) : current;
            LastStep[key] = step;
        }

        if (step > current + 1)
        {
            await Task.Delay(StartOf(step - 1) - now + TimeSpan.FromMilliseconds(100));
        }

        return new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(StartOf(step));
    }

    /// <summary>
    /// Waits, when a time step ends within <paramref name="margin"/>, for the next step to begin. For a server on a
    /// frozen fake clock set just before: its step and the codes computed now stay the same while the sign-in runs.
    /// </summary>
    public static async Task ClearOfStepEndAsync(TimeSpan margin)
    {
        var left = StartOf(StepOf(DateTime.UtcNow) + 1) - DateTime.UtcNow;
        if (left < margin)
        {
            await Task.Delay(left + TimeSpan.FromMilliseconds(50));
        }
    }

    /// <summary>The code the app shows right now, without using it up (to pick a code that is certainly wrong).</summary>
    public static string Current(string base32Key) => new Totp(Base32Encoding.ToBytes(Normalize(base32Key))).ComputeTotp(DateTime.UtcNow);

    private static string Normalize(string base32Key) => base32Key.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();

    private static long StepOf(DateTime utc) => (long)(utc - DateTime.UnixEpoch).TotalSeconds / StepSeconds;

    private static DateTime StartOf(long step) => DateTime.UnixEpoch.AddSeconds(step * StepSeconds);
}
