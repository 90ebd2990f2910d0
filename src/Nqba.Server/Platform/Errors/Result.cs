using System.Diagnostics.CodeAnalysis;

namespace Nqba.Server.Platform.Errors;

/// <summary>A value or an <see cref="Error"/>: what command handlers return.</summary>
/// <typeparam name="T">The value type.</typeparam>
public readonly struct Result<T> : IEquatable<Result<T>>
{
    private Result(T? value, Error? error) => (Value, Error) = (value, error);

    public T? Value { get; }

    public Error? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    public static implicit operator Result<T>(T value) => new(value, null);

    public static implicit operator Result<T>(Error error) => new(default, error);

    public static bool operator ==(Result<T> left, Result<T> right) => left.Equals(right);

    public static bool operator !=(Result<T> left, Result<T> right) => !left.Equals(right);

    public bool Equals(Result<T> other) => EqualityComparer<T?>.Default.Equals(Value, other.Value) && Equals(Error, other.Error);

    public override bool Equals(object? obj) => obj is Result<T> other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Value, Error);
}
