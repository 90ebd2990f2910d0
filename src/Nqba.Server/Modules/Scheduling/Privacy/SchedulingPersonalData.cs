using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Scheduling.Persistence;
using Nqba.Server.Platform.Privacy;
using Nqba.Server.Platform.Protection;

namespace Nqba.Server.Modules.Scheduling.Privacy;

/// <summary>
/// Bookings for privacy requests, found by the keyed hash of the client's e-mail (or by organization): exported,
/// redacted on erasure (the booking stays for statistics: time, type, specialist, status), corrected on rectification.
/// </summary>
internal sealed class SchedulingPersonalData(SchedulingDbContext db) : IPersonalDataSource
{
    public string Name => "scheduling";

    public string? RetentionCategory => null;

    public async Task<IReadOnlyList<PersonalDataRecord>> ExportAsync(DataSubject subject, CancellationToken cancellationToken) =>
        (await BookingsOf(subject).AsNoTracking().OrderBy(b => b.Start).ToListAsync(cancellationToken)).ConvertAll(b =>
            new PersonalDataRecord("booking", b.Id.ToString(), new
            {
                b.ClientName,
                b.ClientEmail,
                b.Notes,
                b.ClientTimeZone,
                b.Language,
                b.MeetingTypeCode,
                b.Start,
                b.End,
                b.Status,
                b.VideoUrl,
                b.CreatedAt,
            }));

    public async Task<int> EraseAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var bookings = await BookingsOf(subject).ToListAsync(cancellationToken);
        foreach (var booking in bookings)
        {
            booking.ClientName = FieldProtector.ErasedValue;
            booking.ClientEmail = FieldProtector.ErasedValue;
            booking.Notes = null;
            booking.ClientEmailHash = null;
        }

        await db.SaveChangesAsync(cancellationToken);
        return bookings.Count;
    }

    public async Task<int> RectifyAsync(DataSubject subject, Rectification correction, CancellationToken cancellationToken)
    {
        var bookings = await BookingsOf(subject).ToListAsync(cancellationToken);
        foreach (var booking in bookings)
        {
            booking.ClientName = correction.Name ?? booking.ClientName;
            if (correction is { Email: { } email, EmailHash: { } hash })
            {
                booking.ClientEmail = email;
                booking.ClientEmailHash = hash;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return bookings.Count;
    }

    public Task<int> PurgeOlderThanAsync(DateTime cutoff, CancellationToken cancellationToken) => Task.FromResult(0);

    private IQueryable<Bookings.Booking> BookingsOf(DataSubject subject) => subject.OrganizationId is { } org
        ? db.Bookings.Where(b => b.OrganizationId == org)
        : db.Bookings.Where(b => subject.EmailHash != null && b.ClientEmailHash == subject.EmailHash);
}
