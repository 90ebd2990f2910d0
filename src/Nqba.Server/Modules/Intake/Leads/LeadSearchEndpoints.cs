using Microsoft.AspNetCore.Http.HttpResults;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Intake.Leads;

internal static class LeadSearchEndpoints
{
    public static IEndpointRouteBuilder MapLeadSearchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/leads/search", SearchLeads)
            .WithTags("Leads")
            .RequireAuthorization(NqbaPolicies.Staff)
            .WithName("SearchLeads")
            .WithSummary("The leads workspace's query: text (company or specialist, in part; a contact's e-mail exactly), unit, tier, region, response state, specialist, captured within N hours; sorted (newest, oldest, score, company, responseDue) and paged (pageSize at most 200), with the total. A bad parameter is a 400 naming it.");
        return app;
    }

    private static async Task<Results<Ok<LeadSearchResultDto>, ProblemHttpResult>> SearchLeads([AsParameters] LeadSearchRequest request, LeadQueries leads, CancellationToken ct)
    {
        var search = request.ToSearch();
        if (!search.Succeeded)
        {
            return search.Error.ToProblem();
        }

        var page = await leads.SearchAsync(search.Value, ct);
        return TypedResults.Ok(new LeadSearchResultDto([.. page.Items.Select(LeadDto.From)], page.Total, page.Page, page.PageSize, page.Pages));
    }
}
