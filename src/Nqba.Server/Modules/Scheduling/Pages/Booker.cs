using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NodaTime;
using Nqba.Server.Modules.Intake;
using Nqba.Server.Modules.Scheduling.Bookings;
using Nqba.Server.Modules.Scheduling.MeetingTypes;
using Nqba.Server.Modules.Scheduling.Persistence;
using Nqba.Server.Modules.Scheduling.Resources;
using Nqba.Server.Platform.Company;

namespace Nqba.Server.Modules.Scheduling.Pages;

/// <summary>
/// What the public booking pages show around the slots: the unit or routed specialist (the host), the meeting types,
/// the lead an assessment link names (to prefill and to link the booking) and the booking a manage link moves.
/// </summary>
internal sealed class Booker(SchedulingDbContext db, ICompanyDirectory directory, IIntakeLeads leads, BookingLinks links, IStringLocalizer<SchedulingResource> text)
{
    /// <summary>Zones offered in the picker, besides the visitor's own.</summary>
    public static readonly string[] CommonZones =
    [
        "America/Los_Angeles", "America/Denver", "America/Chicago", "America/New_York", "America/Sao_Paulo", "UTC", "Europe/London",
        "Europe/Berlin", "Europe/Paris", "Europe/Zurich", "Asia/Dubai", "Asia/Kolkata", "Asia/Singapore", "Asia/Shanghai", "Asia/Tokyo", "Australia/Sydney",
    ];

    public async Task<BookerModel> LoadAsync(string? unit, string? typeCode, string? leadToken, string? rescheduleToken, Guid? specialistOfBooking, CancellationToken cancellationToken)
    {
        var company = await directory.GetAsync(cancellationToken);
        var types = await db.MeetingTypes.AsNoTracking().Where(t => t.Active).OrderBy(t => t.DurationMinutes).ToListAsync(cancellationToken);
        var unitCode = string.IsNullOrWhiteSpace(unit) ? "nqba-core" : unit.Trim();
        LeadForBooking? lead = null;
        Guid? specialistId = specialistOfBooking;
        Booking? moving = null;
        if (!string.IsNullOrWhiteSpace(rescheduleToken) && links.ReadManageToken(rescheduleToken) is { } bookingId)
        {
            moving = await db.Bookings.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bookingId && b.Status == BookingStatus.Booked, cancellationToken);
            if (moving is not null)
            {
                specialistId = moving.SpecialistId;
                typeCode = moving.MeetingTypeCode;
            }
        }
        else if (!string.IsNullOrWhiteSpace(leadToken))
        {
            lead = await leads.FindByAssessmentLinkAsync(leadToken, cancellationToken);
            if (lead is not null)
            {
                specialistId = (await db.RoutedLeads.AsNoTracking().FirstOrDefaultAsync(l => l.LeadId == lead.LeadId, cancellationToken))?.SpecialistId;
                typeCode ??= lead.MeetingType;
            }
        }

        var specialist = specialistId is { } sid ? company.Specialists.FirstOrDefault(s => s.Id == sid) : null;
        if (specialist is not null)
        {
            unitCode = specialist.UnitCode;
        }

        var unitName = company.Unit(unitCode)?.Name ?? unitCode;
        var type = typeCode is null ? null : types.FirstOrDefault(t => t.Code == typeCode.Trim());
        return new BookerModel(
            unitCode,
            unitName,
            specialist,
            specialist?.DisplayName ?? text["HostTeam", unitName],
            Initials(specialist?.DisplayName ?? unitName),
            types,
            type,
            lead,
            lead?.MeetingType,
            moving,
            specialist is null ? [.. company.Specialists.Where(s => s.UnitCode == unitCode)] : [specialist],
            company);
    }

    /// <summary>The meeting type's name in the page's language (the configured name when there is no translation).</summary>
    public string Name(MeetingType type) => text["TypeName_" + type.Code] is { ResourceNotFound: false } n ? n.Value : type.Name;

    public string Description(MeetingType type) => text["TypeDesc_" + type.Code] is { ResourceNotFound: false } d ? d.Value : string.Empty;

    public static string Initials(string name) =>
        string.Concat(name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsLetter(w[0])).Take(2).Select(w => char.ToUpper(w[0], CultureInfo.InvariantCulture)));

    /// <summary>The zone from the address when it is a real IANA zone; otherwise null.</summary>
    public static DateTimeZone? Zone(string? tz) => string.IsNullOrWhiteSpace(tz) ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(tz.Trim());

    /// <summary>12-hour clock when asked for, or by default in English; 24-hour otherwise.</summary>
    public static bool TwelveHour(string? h) => h switch
    {
        "12" => true,
        "24" => false,
        _ => CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "en",
    };

    public static string Time(DateTimeOffset t, bool twelveHour) =>
        t.ToString(twelveHour ? (CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "ja" ? "tt h:mm" : "h:mm tt") : "HH:mm", CultureInfo.CurrentCulture);
}

internal sealed record BookerModel(
    string UnitCode,
    string UnitName,
    SpecialistInfo? Specialist,
    string HostName,
    string HostInitials,
    IReadOnlyList<MeetingType> Types,
    MeetingType? Type,
    LeadForBooking? Lead,
    string? RecommendedType,
    Booking? Moving,
    IReadOnlyList<SpecialistInfo> Specialists,
    CompanySnapshot Company);
