using System.Security.Cryptography;
using System.Text;
using Ical.Net;
using Microsoft.Extensions.Caching.Memory;
using NodaTime;
using Nqba.Server.Modules.Scheduling.Availability;

namespace Nqba.Server.Modules.Scheduling.Calendars;

/// <summary>
/// Busy time of attached calendar feeds without parsing and expanding the same text for every slot query: parsed
/// calendars are kept by the SHA-256 of their text (a changed feed is a new key, so nothing stale is ever read),
/// with the intervals of the last few query windows each. Entries not read for 30 minutes are dropped; at most
/// <see cref="MaxFeeds"/> feeds are kept.
/// </summary>
internal sealed class BusyFeedCache : IDisposable
{
    public const int MaxFeeds = 1000;
    private const int WindowsPerFeed = 16;

    private readonly MemoryCache _feeds = new(new MemoryCacheOptions { SizeLimit = MaxFeeds });

    /// <summary>The feed's busy intervals overlapping [from, to); an unreadable feed blocks nothing.</summary>
    public IReadOnlyList<BusyBlock> Busy(string ics, Instant from, Instant to)
    {
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(ics)));
        var feed = _feeds.GetOrCreate(key, entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = TimeSpan.FromMinutes(30);
            return new Feed(BusyFeedReader.TryLoad(ics, out _));
        })!;
        if (feed.Calendar is null)
        {
            return [];
        }

        // Ical.Net's evaluation caches inside the calendar: one query at a time per feed.
        lock (feed)
        {
            if (!feed.Windows.TryGetValue((from, to), out var blocks))
            {
                if (feed.Windows.Count >= WindowsPerFeed)
                {
                    feed.Windows.Clear();
                }

                blocks = BusyFeedReader.Busy(feed.Calendar, from, to);
                feed.Windows[(from, to)] = blocks;
            }

            return blocks;
        }
    }

    public void Dispose() => _feeds.Dispose();

    private sealed record Feed(Calendar? Calendar)
    {
        public Dictionary<(Instant From, Instant To), List<BusyBlock>> Windows { get; } = [];
    }
}
