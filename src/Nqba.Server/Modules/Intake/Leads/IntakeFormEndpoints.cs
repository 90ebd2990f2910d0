using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Nqba.Server.Modules.Intake.Assessment;
using Nqba.Server.Platform.Web;

namespace Nqba.Server.Modules.Intake.Leads;

/// <summary>
/// The public intake page posts here (anti-forgery checked) and is answered with a redirect: to the assessment on
/// success, back to the form with the invalid field names otherwise. Plain HTML, no JavaScript, phone width.
/// </summary>
internal static class IntakeFormEndpoints
{
    public static IEndpointRouteBuilder MapIntakeFormEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/intake").WithTags("Intake forms").ExcludeFromDescription().AllowAnonymous().RequireRateLimiting(RateLimiting.PublicForms);

        group.MapPost("/submit", async Task<RedirectHttpResult> ([FromForm] IntakeForm form, LeadCapture capture, AssessmentService assessments, CancellationToken ct) =>
        {
            var lang = form.Lang is "de" or "ja" ? form.Lang : "en";
            var request = new CaptureLeadRequest(
                form.Name ?? string.Empty,
                form.Email ?? string.Empty,
                form.Company ?? string.Empty,
                form.RegionCode ?? string.Empty,
                LeadSource.WebForm,
                string.IsNullOrWhiteSpace(form.Phone) ? null : form.Phone.Trim(),
                string.IsNullOrWhiteSpace(form.Industry) ? null : form.Industry.Trim(),
                lang,
                string.IsNullOrWhiteSpace(form.Message) ? null : form.Message);
            var result = await capture.CaptureAsync(request, LeadSource.WebForm, ct);
            if (!result.Succeeded)
            {
                var fields = string.Join(',', result.Error.Fields?.Keys ?? []);
                return TypedResults.LocalRedirect($"/intake?lang={lang}&error={Uri.EscapeDataString(fields)}");
            }

            var started = await assessments.StartAsync(result.Value.Lead.Id, ct);
            return TypedResults.LocalRedirect(started.Succeeded ? AssessmentLinks.PageUrl(started.Value.Token, lang) : $"/intake/thanks?lang={lang}");
        }).WithName("SubmitIntakeForm");

        group.MapPost("/assessment/{token}/answers", async Task<RedirectHttpResult> (string token, IFormCollection form, AssessmentService assessments, CancellationToken ct) =>
        {
            var lang = form["Lang"].ToString() is "de" or "ja" ? form["Lang"].ToString() : "en";
            var page = AssessmentLinks.PageUrl(token, lang);
            var found = await assessments.FindByTokenAsync(token, ct);
            if (!found.Succeeded)
            {
                return TypedResults.LocalRedirect(page);
            }

            // Every question shown on the page is posted: an unticked one clears its answer.
            var answers = form["shown"].Where(q => !string.IsNullOrEmpty(q)).Distinct(StringComparer.Ordinal)
                .ToDictionary(q => q!, q => form["q_" + q].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList(), StringComparer.Ordinal);
            var saved = await assessments.AnswerAsync(found.Value, answers, ct);
            if (!saved.Succeeded)
            {
                return TypedResults.LocalRedirect($"{page}&error={Uri.EscapeDataString(string.Join(',', saved.Error.Fields?.Keys ?? []))}");
            }

            if (form["action"] == "finish")
            {
                var completed = await assessments.CompleteAsync(saved.Value, ct);
                if (!completed.Succeeded)
                {
                    var missing = string.Join(',', (completed.Error.Fields?.Keys ?? []).Select(k => k.Replace("answers.", string.Empty, StringComparison.Ordinal)));
                    return TypedResults.LocalRedirect($"{page}&missing={Uri.EscapeDataString(missing)}");
                }
            }

            return TypedResults.LocalRedirect(page);
        }).WithName("SubmitAssessmentForm");

        return app;
    }

    internal sealed class IntakeForm
    {
        public string? Name { get; set; }

        public string? Email { get; set; }

        public string? Company { get; set; }

        public string? RegionCode { get; set; }

        public string? Phone { get; set; }

        public string? Industry { get; set; }

        public string? Message { get; set; }

        public string? Lang { get; set; }
    }
}
