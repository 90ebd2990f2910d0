using NodaTime;
using Nqba.Server.Modules.Scheduling.Calendars;

namespace Nqba.Server.Tests.Scheduling;

public sealed class BusyFeedCacheTests
{
    private static string Feed(string start, string end) =>
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//tests//EN\r\nBEGIN:VEVENT\r\nUID:a@tests\r\nDTSTAMP:20261101T000000Z\r\n" +
        $"DTSTART;TZID=Europe/Berlin:{start}\r\nDTEND;TZID=Europe/Berlin:{end}\r\nRRULE:FREQ=DAILY;COUNT=3\r\nSUMMARY:Busy\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    private static readonly Instant From = Instant.FromUtc(2027, 1, 4, 0, 0);
    private static readonly Instant To = Instant.FromUtc(2027, 1, 11, 0, 0);

    [Fact]
    public void Busy_MatchesTheReader_AndAnEditedFeedIsReadAfresh()
    {
        using var cache = new BusyFeedCache();
        var first = Feed("20270104T090000", "20270104T100000");
        var edited = Feed("20270104T140000", "20270104T153000");

        var once = cache.Busy(first, From, To);
        var again = cache.Busy(first, From, To);
        var afterEdit = cache.Busy(edited, From, To);

        Assert.Equal(BusyFeedReader.Busy(BusyFeedReader.TryLoad(first, out _)!, From, To), once);
        Assert.Equal(once, again);
        Assert.Equal(3, afterEdit.Count);
        Assert.Equal(Instant.FromUtc(2027, 1, 4, 13, 0), afterEdit[0].Start); // 14:00 in Berlin (UTC+1)
        Assert.Equal(Instant.FromUtc(2027, 1, 4, 14, 30), afterEdit[0].End);
    }

    [Fact]
    public void Busy_OtherWindowOfTheSameFeed_IsExpandedForThatWindow_AndAnUnreadableFeedBlocksNothing()
    {
        using var cache = new BusyFeedCache();
        var feed = Feed("20270104T090000", "20270104T100000");

        var week = cache.Busy(feed, From, To);
        var oneDay = cache.Busy(feed, Instant.FromUtc(2027, 1, 5, 0, 0), Instant.FromUtc(2027, 1, 6, 0, 0));

        Assert.Equal(3, week.Count);
        Assert.Equal(Instant.FromUtc(2027, 1, 5, 8, 0), Assert.Single(oneDay).Start);
        Assert.Empty(cache.Busy("not a calendar", From, To));
    }
}
