using System.Numerics;
using System.Runtime.CompilerServices;

namespace Nqba.Optimization.Solvers;

/// <summary>xoshiro256** pseudo-random generator: fast, 256-bit state, seeded through SplitMix64.</summary>
internal struct Xoshiro256
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public Xoshiro256(ulong seed)
    {
        _s0 = SplitMix(ref seed);
        _s1 = SplitMix(ref seed);
        _s2 = SplitMix(ref seed);
        _s3 = SplitMix(ref seed);
    }

    /// <summary>Derives an independent stream seed from a base seed and a stream number.</summary>
    public static ulong Derive(ulong seed, ulong stream)
    {
        var state = seed ^ (stream * 0xD1B54A32D192ED03UL);
        SplitMix(ref state);
        return SplitMix(ref state);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Next()
    {
        var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform integer in <c>[0, bound)</c> (multiply-shift; bias is negligible for small bounds).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int NextInt(int bound) => (int)(((Next() >> 32) * (ulong)bound) >> 32);

    /// <summary>A uniform double in <c>[0, 1)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    private static ulong SplitMix(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
