using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Nqba.Server.Modules.Pipeline.Deals;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;
using Nqba.Server.Platform.Web;

namespace Nqba.Server.Modules.Pipeline.Proposals;

internal static class ProposalEndpoints
{
    public static IEndpointRouteBuilder MapProposalEndpoints(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/pipeline").WithTags("Pipeline proposals").RequireAuthorization(NqbaPolicies.Staff);

        staff.MapPost("/deals/{id:guid}/proposals", CreateProposal)
            .WithName("CreateProposal")
            .WithSummary("Creates a proposal on an open deal, as draft version 1 in the deal's currency: recipientName and recipientEmail (whom the link goes to), language (en, de, ja), lineItems (description, quantity, unitPrice), discount ({kind: percent|amount, value}), validUntil (the last day it can be accepted), terms. Totals are computed. 400 names each bad field; 409 for a closed deal.");

        staff.MapGet("/deals/{id:guid}/proposals", ListDealProposals)
            .WithName("ListDealProposals")
            .WithSummary("The deal's proposals, newest first: status (draft, sent, accepted, declined, expired), the newest version's title, total and validity.");

        staff.MapGet("/proposals/{id:guid}", GetProposal)
            .WithName("GetProposal")
            .WithSummary("One proposal: status, recipient, the newest version in full (current), every version (versions), and once sent the client's signed link (clientLink). The ETag is the proposal's version, for If-Match.");

        staff.MapPut("/proposals/{id:guid}", UpdateProposal)
            .WithName("UpdateProposal")
            .WithSummary("Edits the proposal (the same body as creating it; recipient fields left out keep their value). A draft version is changed in place; once the newest version was sent, the edit becomes the next version and the sent ones stay as they were. 409 once accepted; 412 with a stale If-Match.");

        staff.MapPost("/proposals/{id:guid}/send", SendProposal)
            .WithName("SendProposal")
            .WithSummary("Sends the newest (draft) version: its document's SHA-256 is fixed, the recipient is e-mailed a signed link (also in the answer), the deal moves to proposal through its gates, and a previously sent version can no longer be answered. 409 when already sent or accepted, or the deal is closed; 400 (validUntil) when the offer has expired.");

        staff.MapGet("/proposals/{id:guid}/versions/{number}", GetProposalVersion)
            .WithName("GetProposalVersion")
            .WithSummary("One version of the proposal as it was made (sent versions never change).");

        staff.MapGet("/proposals/{id:guid}/versions/{number}/document", GetProposalDocument)
            .WithName("GetProposalDocument")
            .WithSummary("The version's canonical document (text/plain, UTF-8) as its stored fields render now: what the client reads and signs. Its SHA-256 is in the X-Document-Sha256 header.");

        staff.MapGet("/proposals/{id:guid}/signature", GetProposalSignature)
            .WithName("GetProposalSignature")
            .WithSummary("The contract signature and its check: name, signedAt, ipAddress, the documentSha256 signed, what the version's document hashes to now (currentDocumentSha256), whether they match (documentMatches), and the audit ledger's entry (ledgerSequence, ledgerMatches). 404 until signed.");

        // The signed link is the client's only credential: whoever holds it sees and answers that version.
        var client = app.MapGroup("/api/proposals/{token}").WithTags("Proposals (client link)").AllowAnonymous();

        client.MapGet("", GetClientProposal)
            .WithName("GetClientProposal")
            .WithSummary("The proposal version the signed link names, as the client sees it, with its canonical document and SHA-256. 404 for a link that is not valid, 410 for an expired one.");

        client.MapPost("/accept", AcceptProposal)
            .RequireRateLimiting(RateLimiting.PublicForms)
            .WithName("AcceptProposal")
            .WithSummary("Accepts the version: only the latest sent one, up to its last valid day, once (409 otherwise, naming validUntil when it expired). The deal moves to won through its gates.");

        client.MapPost("/decline", DeclineProposal)
            .RequireRateLimiting(RateLimiting.PublicForms)
            .WithName("DeclineProposal")
            .WithSummary("Declines the version, with an optional reason (at most 1,000 characters); 409 when it was answered already or replaced.");

        client.MapPost("/sign", SignProposalContract)
            .RequireRateLimiting(RateLimiting.PublicForms)
            .WithName("SignProposalContract")
            .WithSummary("Signs the accepted version's contract: fullName, consent (true) and documentSha256, the SHA-256 of the document read. 409 naming documentSha256 when the version's document is not that one now; 409 when not accepted or already signed; the time, the client's address and the hash go to the audit ledger.");

        return app;
    }

    private static async Task<Results<Created<ProposalDto>, ProblemHttpResult>> CreateProposal(Guid id, ProposalRequest request, ClaimsPrincipal user, ProposalDesk desk, ProposalQueries proposals, HttpResponse response, CancellationToken ct)
    {
        var created = await desk.CreateAsync(id, request, PipelineEndpoints.Actor(user), ct);
        if (!created.Succeeded)
        {
            return created.Error.ToProblem();
        }

        var dto = (await proposals.GetAsync(created.Value.Id, ct))!;
        response.Headers.ETag = EntityTag.Of(dto.Version);
        return TypedResults.Created($"/api/pipeline/proposals/{dto.Id}", dto);
    }

    private static async Task<Ok<IReadOnlyList<ProposalSummaryDto>>> ListDealProposals(Guid id, ProposalQueries proposals, CancellationToken ct) =>
        TypedResults.Ok(await proposals.ForDealAsync(id, ct));

    private static async Task<Results<Ok<ProposalDto>, ProblemHttpResult>> GetProposal(Guid id, ProposalQueries proposals, HttpResponse response, CancellationToken ct) =>
        await AnswerAsync(id, proposals, response, ct);

    private static async Task<Results<Ok<ProposalDto>, ProblemHttpResult>> UpdateProposal(Guid id, ProposalRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, ClaimsPrincipal user, ProposalDesk desk, ProposalQueries proposals, HttpResponse response, CancellationToken ct)
    {
        var updated = await desk.UpdateAsync(id, request, PipelineEndpoints.Actor(user), EntityTag.Expected(ifMatch), ct);
        return updated.Succeeded ? await AnswerAsync(id, proposals, response, ct) : updated.Error.ToProblem();
    }

    private static async Task<Results<Ok<ProposalSentDto>, ProblemHttpResult>> SendProposal(Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, ClaimsPrincipal user, ProposalDesk desk, ProposalQueries proposals, ProposalLinks links, HttpResponse response, CancellationToken ct)
    {
        var sent = await desk.SendAsync(id, PipelineEndpoints.Actor(user), EntityTag.Expected(ifMatch), ct);
        if (!sent.Succeeded)
        {
            return sent.Error.ToProblem();
        }

        var dto = (await proposals.GetAsync(id, ct))!;
        response.Headers.ETag = EntityTag.Of(dto.Version);
        return TypedResults.Ok(new ProposalSentDto(dto, links.PageUrl(sent.Value.Token, dto.Current.Language)));
    }

    private static async Task<Results<Ok<ProposalVersionDto>, ProblemHttpResult>> GetProposalVersion(Guid id, int number, ProposalQueries proposals, CancellationToken ct) =>
        await proposals.VersionAsync(id, number, ct) is { } version ? TypedResults.Ok(version) : Error.NotFound("Proposal version", $"{id}/{number}").ToProblem();

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetProposalDocument(Guid id, int number, ProposalQueries proposals, HttpResponse response, CancellationToken ct)
    {
        if (await proposals.DocumentAsync(id, number, ct) is not { } document)
        {
            return Error.NotFound("Proposal version", $"{id}/{number}").ToProblem();
        }

        response.Headers["X-Document-Sha256"] = document.Sha256;
        return TypedResults.Text(document.Document, "text/plain; charset=utf-8", Encoding.UTF8);
    }

    private static async Task<Results<Ok<SignatureDto>, ProblemHttpResult>> GetProposalSignature(Guid id, ProposalQueries proposals, CancellationToken ct) =>
        await proposals.SignatureAsync(id, ct) is { } signature ? TypedResults.Ok(signature) : Error.NotFound("Signature of proposal", id).ToProblem();

    private static async Task<Results<Ok<PublicProposalDto>, ProblemHttpResult>> GetClientProposal(string token, ProposalQueries proposals, CancellationToken ct)
    {
        var (view, state) = await proposals.PublicAsync(token, ct);
        return view is not null ? TypedResults.Ok(view) : (state == ProposalLinkState.Expired ? ProposalDesk.LinkExpired : ProposalDesk.LinkInvalid).ToProblem();
    }

    private static async Task<Results<Ok<PublicProposalDto>, ProblemHttpResult>> AcceptProposal(string token, ProposalDesk desk, ProposalQueries proposals, CancellationToken ct)
    {
        var accepted = await desk.AcceptAsync(token, ct);
        return accepted.Succeeded ? await ClientAnswerAsync(token, proposals, ct) : accepted.Error.ToProblem();
    }

    private static async Task<Results<Ok<PublicProposalDto>, ProblemHttpResult>> DeclineProposal(string token, DeclineProposalRequest? request, ProposalDesk desk, ProposalQueries proposals, CancellationToken ct)
    {
        var declined = await desk.DeclineAsync(token, request?.Reason, ct);
        return declined.Succeeded ? await ClientAnswerAsync(token, proposals, ct) : declined.Error.ToProblem();
    }

    private static async Task<Results<Ok<PublicProposalDto>, ProblemHttpResult>> SignProposalContract(string token, SignContractRequest request, HttpContext http, ProposalDesk desk, ProposalQueries proposals, CancellationToken ct)
    {
        var signed = await desk.SignAsync(token, request, http.Connection.RemoteIpAddress?.ToString(), ct);
        return signed.Succeeded ? await ClientAnswerAsync(token, proposals, ct) : signed.Error.ToProblem();
    }

    private static async Task<Results<Ok<PublicProposalDto>, ProblemHttpResult>> ClientAnswerAsync(string token, ProposalQueries proposals, CancellationToken ct) =>
        TypedResults.Ok((await proposals.PublicAsync(token, ct)).View!);

    private static async Task<Results<Ok<ProposalDto>, ProblemHttpResult>> AnswerAsync(Guid id, ProposalQueries proposals, HttpResponse response, CancellationToken ct)
    {
        if (await proposals.GetAsync(id, ct) is not { } proposal)
        {
            return Error.NotFound("Proposal", id).ToProblem();
        }

        response.Headers.ETag = EntityTag.Of(proposal.Version);
        return TypedResults.Ok(proposal);
    }
}
