using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Intake.Assessment;
using Nqba.Server.Modules.Intake.Persistence;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;
using Nqba.Server.Platform.Web;

namespace Nqba.Server.Modules.Intake.Leads;

internal static class LeadEndpoints
{
    public static IEndpointRouteBuilder MapLeadEndpoints(this IEndpointRouteBuilder app)
    {
        // Client users may read their own organization's leads; the query filter confines them.
        var group = app.MapGroup("/api/leads").WithTags("Leads").RequireAuthorization();

        group.MapGet("/", ListLeads)
            .WithName("ListLeads");

        group.MapGet("/{id:guid}", GetLead)
            .WithName("GetLead");

        // Anyone may submit a lead (the public intake page, partners' systems); what comes back reveals nothing
        // about existing clients.
        group.MapPost("/", CaptureLead)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimiting.PublicForms)
            .WithName("CaptureLead");

        group.MapPost("/{id:guid}/touch", TouchLead)
            .RequireAuthorization(NqbaPolicies.Staff)
            .WithName("TouchLead")
            .WithSummary("Records a staff member's first contact with the lead (stops the lead-response clock).");

        return app;
    }

    private static async Task<Ok<List<LeadDto>>> ListLeads(IntakeDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.Leads.AsNoTracking().OrderByDescending(l => l.CapturedAt).Take(500).ToListAsync(ct)).ConvertAll(LeadDto.From));

    private static async Task<Results<Ok<LeadDto>, ProblemHttpResult>> GetLead(Guid id, LeadQueries leads, CancellationToken ct) =>
        await leads.FindAsync(id, ct) is { } lead
            ? TypedResults.Ok(LeadDto.From(lead))
            : Error.NotFound("Lead", id).ToProblem();

    private static async Task<Results<Created<LeadReceipt>, ProblemHttpResult>> CaptureLead(CaptureLeadRequest request, LeadCapture capture, AssessmentService assessments, CancellationToken ct)
    {
        var result = await capture.CaptureAsync(request, LeadSource.Api, ct);
        if (!result.Succeeded)
        {
            return result.Error.ToProblem();
        }

        var lead = result.Value.Lead;
        var started = await assessments.StartAsync(lead.Id, ct);
        return TypedResults.Created($"/api/leads/{lead.Id}", new LeadReceipt(lead.Id, started.Succeeded ? AssessmentLinks.PageUrl(started.Value.Token, lead.Language) : null));
    }

    private static async Task<Results<Ok<LeadDto>, ProblemHttpResult>> TouchLead(Guid id, LeadCapture capture, CancellationToken ct) =>
        // The first touch stops the lead-response clock; later touches change nothing.
        await capture.TouchAsync(id, ct) is { } lead
            ? TypedResults.Ok(LeadDto.From(lead))
            : Error.NotFound("Lead", id).ToProblem();
}
