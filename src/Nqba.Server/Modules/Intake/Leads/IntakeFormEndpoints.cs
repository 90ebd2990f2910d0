using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Nqba.Server.Modules.Intake.Leads;

/// <summary>
/// The public intake page posts here (anti-forgery checked) and is answered with a redirect: to the assessment on
/// success, back to the form with the invalid field names otherwise. Plain HTML, no JavaScript, phone width.
/// </summary>
internal static class IntakeFormEndpoints
{
    public static IEndpointRouteBuilder MapIntakeFormEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/intake").WithTags("Intake forms").ExcludeFromDescription().AllowAnonymous();

        group.MapPost("/submit", async Task<RedirectHttpResult> ([FromForm] IntakeForm form, LeadCapture capture, CancellationToken ct) =>
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

            return TypedResults.LocalRedirect($"/intake/thanks?lang={lang}");
        }).WithName("SubmitIntakeForm");

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
