using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Nqba.Server.Platform.Persistence;

/// <summary>
/// Stores every <see cref="DateTime"/> as UTC and reads it back with <see cref="DateTimeKind.Utc"/>, so SQLite
/// (which keeps no kind) and PostgreSQL (timestamptz, which insists on UTC) behave the same.
/// </summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
