using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
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
        var group = app.MapGroup("/intake").WithTags("Intake forms").ExcludeFromDescription().AllowAnonymous().RequireRateLimiting(RateLimiting.PublicForms).WithFormBinding();

        group.MapPost("/submit", SubmitIntakeForm).WithName("SubmitIntakeForm");

        group.MapPost("/assessment/{token}/answers", SubmitAssessmentForm).WithName("SubmitAssessmentForm");

        return app;
    }

    private static async Task<RedirectHttpResult> SubmitIntakeForm([FromForm] IntakeForm form, LeadCapture capture, AssessmentService assessments, IOptions<IntakeOptions> options, CancellationToken ct)
    {
        var lang = UiCultures.Normalize(form.Lang);
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
        if (started.Succeeded)
        {
            // What the form already asked (region, industry) is answered in the assessment, not asked again.
            var known = AssessmentSteps.FromIntake(assessments.QuestionnaireOf(started.Value.Assessment), options.Value, request.RegionCode, request.Industry);
            if (known.Count > 0 && started.Value.Assessment.Status != AssessmentStatus.Completed)
            {
                await assessments.AnswerAsync(started.Value.Assessment, known, ct);
            }
        }

        return TypedResults.LocalRedirect(started.Succeeded ? AssessmentLinks.PageUrl(started.Value.Token, lang) : $"/intake/thanks?lang={lang}");
    }

    private static async Task<RedirectHttpResult> SubmitAssessmentForm(string token, IFormCollection form, AssessmentService assessments, CancellationToken ct)
    {
        var lang = UiCultures.Normalize(form["Lang"].ToString());
        var page = AssessmentLinks.PageUrl(token, lang);
        var found = await assessments.FindByTokenAsync(token, ct);
        if (!found.Succeeded)
        {
            return TypedResults.LocalRedirect(page);
        }

        var step = int.TryParse(form["step"], out var s) && s > 0 ? s : 1;
        var action = form["action"].ToString();

        // Every question shown on the step is posted: an unticked one clears its answer.
        var answers = form["shown"].Where(q => !string.IsNullOrEmpty(q)).Distinct(StringComparer.Ordinal)
            .ToDictionary(q => q!, q => form["q_" + q].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList(), StringComparer.Ordinal);
        var saved = await assessments.AnswerAsync(found.Value, answers, ct);
        if (!saved.Succeeded)
        {
            return TypedResults.LocalRedirect($"{page}&step={step}&error={Uri.EscapeDataString(string.Join(',', saved.Error.Fields?.Keys ?? []))}");
        }

        var steps = AssessmentSteps.Of(AssessmentDto.From(saved.Value, assessments.QuestionnaireOf(saved.Value), lang));
        if (action == "back")
        {
            return TypedResults.LocalRedirect($"{page}&step={Math.Max(1, step - 1)}");
        }

        // Forward only when this step is complete: an answer may also have opened a follow-up question here.
        var given = AssessmentService.AnswersOf(saved.Value);
        var missingHere = step <= steps.Count
            ? steps[step - 1].Where(q => q.Required && !(given.TryGetValue(q.Id, out var a) && a.Count > 0)).Select(q => q.Id).ToList()
            : [];
        if (missingHere.Count > 0 && action is "next" or "finish")
        {
            return TypedResults.LocalRedirect($"{page}&step={step}&missing={Uri.EscapeDataString(string.Join(',', missingHere))}");
        }

        if (action == "finish" || (action == "next" && step >= steps.Count))
        {
            var completed = await assessments.CompleteAsync(saved.Value, ct);
            if (!completed.Succeeded)
            {
                var missing = (completed.Error.Fields?.Keys ?? []).Select(k => k.Replace("answers.", string.Empty, StringComparison.Ordinal)).ToList();
                var first = missing.Select(m => AssessmentSteps.StepOf(steps, m)).FirstOrDefault(n => n is not null) ?? step;
                return TypedResults.LocalRedirect($"{page}&step={first}&missing={Uri.EscapeDataString(string.Join(',', missing))}");
            }

            return TypedResults.LocalRedirect(page);
        }

        return TypedResults.LocalRedirect(action == "next" ? $"{page}&step={Math.Min(steps.Count, step + 1)}" : $"{page}&step={step}");
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
