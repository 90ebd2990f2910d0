using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.Extensions.Caching.Memory;
using Nqba.Trading.Data;

namespace Nqba.Server.Modules.Trading.MarketData;

/// <summary>
/// Price tables already read, per instance, keyed by the instruments, their <see cref="Instrument.PricesVersion"/> and
/// the period: an import anywhere changes the version in the database, so every instance reads the new prices on its
/// next request without a shared signal. Reading the 100,000-odd closes of the demo's 20 stocks is most of an
/// optimization's time; the tables are immutable and shared by the requests that read them.
/// </summary>
internal sealed class PriceTableCache : IDisposable
{
    /// <summary>Tables kept at most (each a few hundred kilobytes to a few megabytes).</summary>
    private const int Entries = 32;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = Entries });

    public static string Key(IEnumerable<(int Id, Guid Version)> instruments, DateOnly? from, DateOnly? to) =>
        string.Join(';', instruments.Select(i => i.Id.ToString(CultureInfo.InvariantCulture) + ":" + i.Version.ToString("N"))) +
        "|" + from?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "|" + to?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public bool TryGet(string key, [NotNullWhen(true)] out PriceTable? table) => _cache.TryGetValue(key, out table);

    public void Set(string key, PriceTable table) =>
        _cache.Set(key, table, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(30) });

    public void Dispose() => _cache.Dispose();
}
