using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Nqba.Server.Modules.Scheduling.Availability;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;
using Nqba.Server.Platform.Web;

namespace Nqba.Server.Modules.Scheduling.Pages;

/// <summary>
/// The availability page's forms (anti-forgery checked): a schedule's week, a date override, removing one, all through
/// <see cref="AvailabilitySchedules"/> as the API; each redirects back naming the field that was wrong.
/// </summary>
internal static partial class AvailabilityFormEndpoints
{
    public static IEndpointRouteBuilder MapAvailabilityFormEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/scheduling/availability/{specialistId:guid}")
            .WithTags("Scheduling forms")
            .ExcludeFromDescription()
            .RequireAuthorization(NqbaPolicies.Staff)
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .WithFormBinding();

        group.MapPost("/schedule", SubmitAvailabilitySchedule).WithName("SubmitAvailabilitySchedule");

        group.MapPost("/overrides", SubmitAvailabilityOverride).WithName("SubmitAvailabilityOverride");

        group.MapPost("/overrides/{date}/delete", SubmitAvailabilityOverrideRemoval).WithName("SubmitAvailabilityOverrideRemoval");

        return app;
    }

    private static async Task<RedirectHttpResult> SubmitAvailabilitySchedule(Guid specialistId, [FromForm] AvailabilityForm form, AvailabilitySchedules schedules, CancellationToken ct)
    {
        var week = new List<ScheduleRange>();
        for (var i = 0; i < form.Week.Count; i++)
        {
            var row = form.Week[i];
            if (string.IsNullOrWhiteSpace(row.Opens) && string.IsNullOrWhiteSpace(row.Closes))
            {
                continue;
            }

            // Rows are numbered as the service numbers the ranges it is given, so its field names point at the row shown.
            if (!int.TryParse(row.Day, NumberStyles.None, CultureInfo.InvariantCulture, out var day) || QueryValues.Time(row.Opens) is not { } opens || QueryValues.Time(row.Closes) is not { } closes)
            {
                return Back(specialistId, form.Lang, $"week[{week.Count}]", form.ScheduleId);
            }

            week.Add(new ScheduleRange(day, opens, closes));
        }

        var request = new ScheduleRequest(form.Name, form.TimeZone, week, form.MakeDefault ? true : null, form.Version);
        var result = form.ScheduleId is { } id
            ? await schedules.UpdateAsync(specialistId, id, request, form.Version, ct)
            : await schedules.CreateAsync(specialistId, request, ct);
        return result.Succeeded
            ? Back(specialistId, form.Lang, null, result.Value.Id, "saved")
            : Back(specialistId, form.Lang, result.Error.ToFormField(), form.ScheduleId);
    }

    private static async Task<RedirectHttpResult> SubmitAvailabilityOverride(Guid specialistId, [FromForm] OverrideForm form, AvailabilitySchedules schedules, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(form.Date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return Back(specialistId, form.Lang, "date", null);
        }

        var ranges = new List<OverrideRange>();
        if (!form.Unavailable)
        {
            var parts = (form.Ranges ?? string.Empty).Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var part in parts)
            {
                var match = RangePattern().Match(part);
                if (!match.Success || QueryValues.Time(match.Groups[1].Value) is not { } opens || QueryValues.Time(match.Groups[2].Value) is not { } closes)
                {
                    return Back(specialistId, form.Lang, "ranges", null);
                }

                ranges.Add(new OverrideRange(opens, closes));
            }

            if (ranges.Count == 0)
            {
                return Back(specialistId, form.Lang, "ranges", null);
            }
        }

        var note = string.IsNullOrWhiteSpace(form.Note) ? null : form.Note.Trim();
        var result = await schedules.SetOverrideAsync(specialistId, new OverrideRequest(date, Note: note is { Length: > 500 } ? note[..500] : note, Ranges: ranges), ct);
        return Back(specialistId, form.Lang, result.Succeeded ? null : result.Error.ToFormField(), null, "override");
    }

    private static async Task<RedirectHttpResult> SubmitAvailabilityOverrideRemoval(Guid specialistId, string date, [FromForm] OverrideForm form, AvailabilitySchedules schedules, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return Back(specialistId, form.Lang, "date", null);
        }

        var result = await schedules.DeleteOverrideAsync(specialistId, day, ct);
        return Back(specialistId, form.Lang, result.Succeeded ? null : "date", null, "removed");
    }

    [GeneratedRegex(@"^(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})$", RegexOptions.CultureInvariant, 200)]
    private static partial Regex RangePattern();

    private static RedirectHttpResult Back(Guid specialistId, string? lang, string? error, Guid? schedule, string? done = null)
    {
        var query = $"?specialist={specialistId}";
        if (schedule is { } id)
        {
            query += $"&schedule={id}";
        }

        if (UiCultures.IsSupported(lang))
        {
            query += "&lang=" + lang;
        }

        query += error is null ? "&done=" + done : "&error=" + Uri.EscapeDataString(error);
        return TypedResults.LocalRedirect("/scheduling/availability" + query);
    }
}
