using Microsoft.AspNetCore.Http.HttpResults;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Support.Import;

internal static class ImportEndpoints
{
    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/support/import").WithTags("Support import").RequireAuthorization(NqbaPolicies.Admin);
        group.MapPost("/", Import)
            .Accepts<List<ImportedTicket>>("application/json", ImportReader.NdJson)
            .WithName("ImportSupportHistory")
            .WithSummary("Imports ticket history from another help desk (JSON array or NDJSON): idempotent per source and external id, SLA clocks from the imported times, no mail or notifications; a bad row writes nothing (400 naming tickets[i] or line n).");
        return app;
    }

    public static async Task<Results<Ok<ImportResult>, ProblemHttpResult>> Import(HttpRequest request, ImportReader reader, TicketImport import, CancellationToken ct)
    {
        var file = await reader.ReadAsync(request, ct);
        if (!file.Succeeded)
        {
            return file.Error.ToProblem();
        }

        var result = await import.ImportAsync(file.Value, ct);
        return result.ToOk();
    }
}
