using System.Diagnostics.CodeAnalysis;

namespace Nqba.Trading;

/// <summary>Either a value or a <see cref="TradingError"/>; create with <see cref="TradingResult.Success{T}"/> and <see cref="TradingResult.Failure{T}(TradingError)"/>.</summary>
/// <typeparam name="T">The type of the value.</typeparam>
public sealed class TradingResult<T>
{
    private readonly T? _value;

    internal TradingResult(T? value, TradingError? error)
    {
        _value = value;
        Error = error;
    }

    /// <summary>The error, or null on success.</summary>
    public TradingError? Error { get; }

    /// <summary>True when there is a value.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>The value; throws when the result is an error (a bug in the caller, who should check <see cref="IsSuccess"/>).</summary>
    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"No value: {Error.Message}");
}
