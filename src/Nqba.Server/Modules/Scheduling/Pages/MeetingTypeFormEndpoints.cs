using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Nqba.Server.Modules.Scheduling.MeetingTypes;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;
using Nqba.Server.Platform.Web;

namespace Nqba.Server.Modules.Scheduling.Pages;

/// <summary>
/// The meeting types page's form (anti-forgery checked, admins only): creates or replaces a type through
/// <see cref="MeetingTypeCatalog"/> as the API does, and redirects back naming the field that was wrong.
/// </summary>
internal static class MeetingTypeFormEndpoints
{
    public static IEndpointRouteBuilder MapMeetingTypeFormEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/scheduling/meeting-types/save", SubmitMeetingType)
            .WithTags("Scheduling forms")
            .ExcludeFromDescription()
            .RequireAuthorization(NqbaPolicies.Admin)
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .WithFormBinding()
            .WithName("SubmitMeetingType");
        return app;
    }

    private static async Task<RedirectHttpResult> SubmitMeetingType([FromForm] MeetingTypeForm form, MeetingTypeCatalog types, CancellationToken ct)
    {
        var editing = string.IsNullOrWhiteSpace(form.Editing) ? null : form.Editing.Trim();
        var numbers = new Dictionary<string, int?>();
        foreach (var (field, text) in new[]
        {
            ("durationMinutes", form.DurationMinutes), ("slotStepMinutes", form.SlotStepMinutes), ("beforeBufferMinutes", form.BeforeBufferMinutes),
            ("afterBufferMinutes", form.AfterBufferMinutes), ("startOffsetMinutes", form.StartOffsetMinutes), ("minimumNoticeMinutes", form.MinimumNoticeMinutes),
            ("bookingWindowDays", form.BookingWindowDays), ("maxPerDay", form.MaxPerDay), ("maxPerWeek", form.MaxPerWeek), ("maxPerMonth", form.MaxPerMonth),
            ("maxMinutesPerDay", form.MaxMinutesPerDay), ("maxMinutesPerWeek", form.MaxMinutesPerWeek), ("maxMinutesPerMonth", form.MaxMinutesPerMonth),
            ("version", form.Version),
        })
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                numbers[field] = null;
            }
            else if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                numbers[field] = value;
            }
            else
            {
                return Back(editing, form.Lang, field);
            }
        }

        if (!Enum.TryParse<BookingWindowKind>(form.WindowKind, ignoreCase: false, out var kind) || !Enum.IsDefined(kind))
        {
            return Back(editing, form.Lang, "windowKind");
        }

        var assignment = HostAssignment.RoundRobin;
        if (!string.IsNullOrWhiteSpace(form.Assignment) && !FormBinding.TryParseEnum(form.Assignment, out assignment))
        {
            return Back(editing, form.Lang, "assignment");
        }

        var first = Date(form.WindowStart, out var firstOk);
        var last = Date(form.WindowEnd, out var lastOk);
        if (!firstOk || !lastOk)
        {
            return Back(editing, form.Lang, firstOk ? "windowEnd" : "windowStart");
        }

        var request = new MeetingTypeRequest(
            editing ?? form.Code?.Trim(), form.Name, numbers["durationMinutes"], numbers["slotStepMinutes"], numbers["beforeBufferMinutes"],
            numbers["afterBufferMinutes"], numbers["startOffsetMinutes"], numbers["minimumNoticeMinutes"], kind, numbers["bookingWindowDays"],
            first, last, numbers["maxPerDay"], numbers["maxPerWeek"], numbers["maxPerMonth"],
            numbers["maxMinutesPerDay"], numbers["maxMinutesPerWeek"], numbers["maxMinutesPerMonth"], form.Active, numbers["version"],
            form.RequiresConfirmation, form.PendingBlocks, form.ScheduleName ?? string.Empty, assignment);
        var result = editing is null
            ? await types.CreateAsync(request, ct)
            : await types.UpdateAsync(editing, request, numbers["version"], ct);
        return result.Succeeded ? Back(result.Value.Code, form.Lang, null) : Back(editing, form.Lang, result.Error.ToFormField());
    }

    /// <summary>An empty box is no date; anything else must be yyyy-MM-dd.</summary>
    private static DateOnly? Date(string? text, out bool ok)
    {
        ok = true;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        ok = DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
        return ok ? date : null;
    }

    private static RedirectHttpResult Back(string? code, string? lang, string? error)
    {
        var query = code is null ? "?code=new" : "?code=" + Uri.EscapeDataString(code);
        if (UiCultures.IsSupported(lang))
        {
            query += "&lang=" + lang;
        }

        query += error is null ? "&done=saved" : "&error=" + Uri.EscapeDataString(error);
        return TypedResults.LocalRedirect("/scheduling/meeting-types" + query);
    }
}
