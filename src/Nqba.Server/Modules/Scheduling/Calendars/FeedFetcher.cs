using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Scheduling.Persistence;
using Nqba.Server.Platform.Outbound;

namespace Nqba.Server.Modules.Scheduling.Calendars;

/// <summary>Fetches busy-time feeds over HTTP; a failed fetch keeps the last good copy and records the error.</summary>
internal sealed class FeedFetcher(IHttpClientFactory http, TimeProvider time)
{
    public const string ClientName = "scheduling-feeds";

    public async Task RefreshAsync(ExternalCalendar calendar, CancellationToken cancellationToken)
    {
        if (calendar.Url is null)
        {
            return;
        }

        try
        {
            using var response = await http.CreateClient(ClientName).GetAsync(new Uri(calendar.Url), cancellationToken);
            response.EnsureSuccessStatusCode();
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (BusyFeedReader.TryLoad(text, out _) is null)
            {
                // Not the parser's message: it quotes the text, and the text may be a page the server should not read.
                calendar.LastError = "The address did not answer with an iCalendar file.";
            }
            else
            {
                calendar.Content = text;
                calendar.LastError = null;
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            calendar.LastError = "Fetching the feed failed: " + OutboundHttp.Describe(ex);
        }

        calendar.FetchedAt = time.GetUtcNow().UtcDateTime;
    }

    /// <summary>Refreshes the feeds not fetched for <paramref name="interval"/>.</summary>
    public async Task RefreshStaleAsync(SchedulingDbContext db, TimeSpan interval, CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow().UtcDateTime - interval;
        foreach (var calendar in await db.ExternalCalendars.Where(c => c.Url != null && (c.FetchedAt == null || c.FetchedAt < before)).OrderBy(c => c.FetchedAt).Take(20).ToListAsync(cancellationToken))
        {
            await RefreshAsync(calendar, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
