using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Pipeline.Persistence;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Events;
using Nqba.Server.Platform.Protection;
using Nqba.Server.Platform.Web;

namespace Nqba.Server.Modules.Pipeline.Proposals;

/// <summary>
/// The proposals' command service: staff create, edit (a sent version is never changed: the edit is the next version)
/// and send; the client, through the signed link, accepts, declines and signs the contract. Every change writes its
/// audit entry and events in the same transaction. Every write also changes the proposal row, whose
/// <see cref="Proposal.Version"/> token lets only one of two racing writers win (accept and accept; accept and the
/// sending of a new version): the loser gets 409 and changes nothing.
/// </summary>
internal sealed class ProposalDesk(PipelineDbContext db, ProposalLinks links, FieldProtector protector, IAuditLedger audit, TimeProvider time)
{
    public const int MaxLineItems = 50;
    public const int MaxDescriptionLength = 500;
    public const int MaxTermsLength = 4000;
    public const int MaxTitleLength = 200;
    public const int MaxNameLength = 200;
    public const int MaxDeclineReasonLength = 1000;

    /// <summary>The largest amount a proposal may come to (as for a deal's value).</summary>
    private const decimal MaxAmount = 1_000_000_000_000m;

    private const decimal MaxQuantity = 1_000_000m;

    /// <summary>Creates a proposal on the deal, as a draft version 1 in the deal's currency.</summary>
    public async Task<Result<Proposal>> CreateAsync(Guid dealId, ProposalRequest request, string by, CancellationToken cancellationToken)
    {
        var deal = await db.Deals.FirstOrDefaultAsync(d => d.Id == dealId, cancellationToken);
        if (deal is null)
        {
            return Error.NotFound("Deal", dealId);
        }

        if (DealStages.IsClosed(deal.Stage))
        {
            return Error.Conflict($"The deal is {DealStages.Id(deal.Stage)}: a closed deal takes no new proposals.");
        }

        var now = Now;
        var content = Validate(request, deal.Currency, deal.Title, requireRecipient: true);
        if (!content.Succeeded)
        {
            return content.Error;
        }

        var c = content.Value;
        var proposal = new Proposal
        {
            Id = Guid.CreateVersion7(),
            DealId = deal.Id,
            OrganizationId = deal.OrganizationId,
            Currency = deal.Currency,
            RecipientName = c.RecipientName!,
            RecipientEmail = c.RecipientEmail!,
            RecipientEmailHash = await protector.SearchHashAsync(c.RecipientEmail!, cancellationToken),
            Status = ProposalStatus.Draft,
            LatestVersion = 1,
            CreatedAt = now,
            CreatedBy = by,
            UpdatedAt = now,
        };
        var version = new ProposalVersion { Id = Guid.CreateVersion7(), ProposalId = proposal.Id, Number = 1, Title = c.Title, ClientName = deal.Title, Language = c.Language, CreatedAt = now, CreatedBy = by };
        Apply(version, c);
        proposal.Versions.Add(version);
        db.Proposals.Add(proposal);
        audit.Stage(db, new AuditRecord("pipeline.proposal.created", "proposal", proposal.Id.ToString(), After: ProposalAudit.Of(proposal, version), OrganizationId: proposal.OrganizationId));
        await db.SaveChangesAsync(cancellationToken);
        return proposal;
    }

    /// <summary>
    /// Edits the proposal: its draft version in place, or, when the latest version was sent, a new draft version (the
    /// sent ones are kept as they were). An accepted proposal is closed to changes (409). With
    /// <paramref name="expectedVersion"/>, only if the proposal is still at that version (412).
    /// </summary>
    public async Task<Result<Proposal>> UpdateAsync(Guid proposalId, ProposalRequest request, string by, int? expectedVersion, CancellationToken cancellationToken)
    {
        var proposal = await LoadAsync(proposalId, cancellationToken);
        if (proposal is null)
        {
            return Error.NotFound("Proposal", proposalId);
        }

        if (expectedVersion is { } expected && expected != proposal.Version)
        {
            return Error.PreconditionFailed($"The proposal changed since version {expected}; it is at version {proposal.Version}. Reload it and try again.");
        }

        if (proposal.Status == ProposalStatus.Accepted)
        {
            return Error.Conflict($"Version {proposal.AcceptedVersion} was accepted by the client: an accepted proposal cannot change. Make a new proposal for further changes.");
        }

        var latest = proposal.Versions.Single(v => v.Number == proposal.LatestVersion);
        var content = Validate(request, proposal.Currency, latest.ClientName, requireRecipient: false);
        if (!content.Succeeded)
        {
            return content.Error;
        }

        var c = content.Value;
        var now = Now;
        ProposalVersion target;
        if (latest.SentAt is null)
        {
            target = latest;
            target.Title = c.Title;
            target.Language = c.Language;
            db.RemoveRange(target.LineItems);
            target.LineItems.Clear();
        }
        else
        {
            target = new ProposalVersion { Id = Guid.CreateVersion7(), ProposalId = proposal.Id, Number = latest.Number + 1, Title = c.Title, ClientName = latest.ClientName, Language = c.Language, CreatedAt = now, CreatedBy = by };
            proposal.Versions.Add(target);
            proposal.LatestVersion = target.Number;
        }

        Apply(target, c);
        if (target == latest)
        {
            // New rows found through a navigation with their key set would be taken for existing ones: add them.
            db.AddRange(target.LineItems);
        }
        else
        {
            db.Add(target);
        }
        if (c.RecipientEmail is not null && c.RecipientEmail != proposal.RecipientEmail)
        {
            proposal.RecipientEmail = c.RecipientEmail;
            proposal.RecipientEmailHash = await protector.SearchHashAsync(c.RecipientEmail, cancellationToken);
        }

        if (c.RecipientName is not null && c.RecipientName != proposal.RecipientName)
        {
            proposal.RecipientName = c.RecipientName;
        }

        Touch(proposal, now);
        audit.Stage(db, new AuditRecord("pipeline.proposal.edited", "proposal", proposal.Id.ToString(), After: ProposalAudit.Of(proposal, target), OrganizationId: proposal.OrganizationId));
        return await SaveAsync(proposal, cancellationToken);
    }

    /// <summary>
    /// Sends the latest version: its canonical document's SHA-256 is fixed, the proposal is with the client
    /// (<see cref="ProposalSent"/>, which e-mails the link and moves the deal), and the link is returned. The version
    /// must be a draft, valid today or later, with at least one line item; the deal must be open.
    /// </summary>
    public async Task<Result<(Proposal Proposal, string Token)>> SendAsync(Guid proposalId, string by, int? expectedVersion, CancellationToken cancellationToken)
    {
        var proposal = await LoadAsync(proposalId, cancellationToken);
        if (proposal is null)
        {
            return Error.NotFound("Proposal", proposalId);
        }

        if (expectedVersion is { } expected && expected != proposal.Version)
        {
            return Error.PreconditionFailed($"The proposal changed since version {expected}; it is at version {proposal.Version}. Reload it and try again.");
        }

        if (proposal.Status == ProposalStatus.Accepted)
        {
            return Error.Conflict($"Version {proposal.AcceptedVersion} was accepted by the client: nothing more can be sent.");
        }

        var version = proposal.Versions.Single(v => v.Number == proposal.LatestVersion);
        if (version.SentAt is not null)
        {
            return Error.Conflict($"Version {version.Number} was sent already at {version.SentAt:yyyy-MM-dd HH:mm} UTC. Edit the proposal to make the next version, then send that.");
        }

        var now = Now;
        if (version.ValidUntil < DateOnly.FromDateTime(now))
        {
            return Error.Validation("validUntil", $"The offer was valid until {version.ValidUntil:yyyy-MM-dd}, which has passed: edit it to a later date before sending.");
        }

        var deal = await db.Deals.FirstOrDefaultAsync(d => d.Id == proposal.DealId, cancellationToken);
        if (deal is null || DealStages.IsClosed(deal.Stage))
        {
            return Error.Conflict($"The deal is {(deal is null ? "gone" : DealStages.Id(deal.Stage))}: a proposal is sent only on an open deal.");
        }

        var previous = proposal.SentVersion;
        version.SentAt = now;
        version.SentBy = by;
        version.DocumentSha256 = ProposalDocument.Sha256(proposal.Id, proposal.Currency, version);
        proposal.Status = ProposalStatus.Sent;
        proposal.SentVersion = version.Number;
        Touch(proposal, now);
        db.Publish(new ProposalSent(proposal.Id, proposal.DealId, proposal.OrganizationId, version.Number, version.Total, proposal.Currency, version.ValidUntil, now), now);
        audit.Stage(db, new AuditRecord("pipeline.proposal.sent", "proposal", proposal.Id.ToString(),
            After: new { version = version.Number, replaces = previous, version.Total, proposal.Currency, version.ValidUntil, documentSha256 = version.DocumentSha256 }, OrganizationId: proposal.OrganizationId));
        var saved = await SaveAsync(proposal, cancellationToken);
        return saved.Succeeded ? (saved.Value, links.TokenFor(proposal.Id, version.Number, version.ValidUntil)) : saved.Error;
    }

    /// <summary>
    /// The client accepts the version their link names. Only the latest sent version, while valid (its last day
    /// included), of a proposal still waiting for an answer, on a deal not lost; once.
    /// </summary>
    public async Task<Result<Proposal>> AcceptAsync(string token, CancellationToken cancellationToken)
    {
        var answerable = await AnswerableAsync(token, cancellationToken);
        if (!answerable.Succeeded)
        {
            return answerable.Error;
        }

        var (proposal, version) = answerable.Value;
        var now = Now;
        if (DateOnly.FromDateTime(now) > version.ValidUntil)
        {
            return new Error("proposal_expired", "Conflict", $"The offer was valid until {version.ValidUntil:yyyy-MM-dd} and can no longer be accepted. Ask your contact for a new one.", StatusCodes.Status409Conflict,
                new Dictionary<string, string[]> { ["validUntil"] = [$"The offer expired after {version.ValidUntil:yyyy-MM-dd}."] });
        }

        if (await db.Deals.IgnoreQueryFilters().AnyAsync(d => d.Id == proposal.DealId && d.Stage == DealStage.Lost, cancellationToken))
        {
            return Error.Conflict("This offer was withdrawn: the deal was closed. Please contact us.");
        }

        proposal.Status = ProposalStatus.Accepted;
        proposal.AcceptedVersion = version.Number;
        proposal.AcceptedAt = now;
        version.AcceptedAt = now;
        Touch(proposal, now);
        db.Publish(new ProposalAccepted(proposal.Id, proposal.DealId, proposal.OrganizationId, version.Number, version.Total, proposal.Currency, now), now);
        audit.Stage(db, new AuditRecord("pipeline.proposal.accepted", "proposal", proposal.Id.ToString(),
            After: new { version = version.Number, version.Total, proposal.Currency, documentSha256 = version.DocumentSha256 }, OrganizationId: proposal.OrganizationId));
        return await SaveAsync(proposal, cancellationToken);
    }

    /// <summary>The client declines the version their link names, with an optional reason (at most 1,000 characters).</summary>
    public async Task<Result<Proposal>> DeclineAsync(string token, string? reason, CancellationToken cancellationToken)
    {
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (reason is { Length: > MaxDeclineReasonLength } || (reason is not null && FormBinding.HasControlCharacter(reason)))
        {
            return Error.Validation("reason", $"The reason is at most {MaxDeclineReasonLength} characters of text.");
        }

        var answerable = await AnswerableAsync(token, cancellationToken);
        if (!answerable.Succeeded)
        {
            return answerable.Error;
        }

        var (proposal, version) = answerable.Value;
        var now = Now;
        proposal.Status = ProposalStatus.Declined;
        version.DeclinedAt = now;
        version.DeclineReason = reason;
        Touch(proposal, now);
        db.Publish(new ProposalDeclined(proposal.Id, proposal.DealId, proposal.OrganizationId, version.Number, reason is not null, now), now);
        audit.Stage(db, new AuditRecord("pipeline.proposal.declined", "proposal", proposal.Id.ToString(),
            After: new { version = version.Number, withReason = reason is not null }, OrganizationId: proposal.OrganizationId));
        return await SaveAsync(proposal, cancellationToken);
    }

    /// <summary>
    /// The client signs the contract of the accepted version: their typed full name, the explicit consent, and the
    /// SHA-256 of the document they saw. That hash must be the version's document as it renders now, and the version's
    /// document must still be the one sent (else 409 naming <c>documentSha256</c>): a changed document is never
    /// recorded as signed. Recorded once, with the time and <paramref name="ipAddress"/>, in the audit ledger too.
    /// </summary>
    public async Task<Result<ContractSignature>> SignAsync(string token, SignContractRequest request, string? ipAddress, CancellationToken cancellationToken)
    {
        var read = await ReadAsync(token, cancellationToken);
        if (!read.Succeeded)
        {
            return read.Error;
        }

        var (link, proposal) = read.Value;
        if (proposal.Status != ProposalStatus.Accepted)
        {
            return Error.Conflict("The proposal must be accepted before its contract can be signed.");
        }

        if (proposal.AcceptedVersion != link.Version)
        {
            return Error.Conflict($"Version {proposal.AcceptedVersion} was accepted, not version {link.Version}: open the link to the accepted version to sign it.");
        }

        if (proposal.SignedAt is { } signedAt)
        {
            return Error.Conflict($"The contract was signed already, at {signedAt:yyyy-MM-dd HH:mm} UTC.");
        }

        var fields = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var name = request.FullName?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length < 2 || name.Length > MaxNameLength || FormBinding.HasControlCharacter(name) || name.Contains('\n', StringComparison.Ordinal))
        {
            fields["fullName"] = [$"Type your full name (2 to {MaxNameLength} characters) to sign."];
        }

        if (request.Consent != true)
        {
            fields["consent"] = ["Tick the box to agree that typing your name signs the contract electronically."];
        }

        if (!ProposalDocument.IsSha256(request.DocumentSha256))
        {
            fields["documentSha256"] = ["Give the SHA-256 (64 hexadecimal characters) of the document you read; the page shows it."];
        }

        if (fields.Count > 0)
        {
            return Error.Validation(fields);
        }

        var version = proposal.Versions.Single(v => v.Number == link.Version);
        var current = ProposalDocument.Sha256(proposal.Id, proposal.Currency, version);
        var seen = request.DocumentSha256!.ToLowerInvariant();
        if (version.DocumentSha256 != current)
        {
            return DocumentChanged($"Version {version.Number}'s document is no longer the one sent (sent as {version.DocumentSha256}, now {current}); it cannot be signed. Please contact us.");
        }

        if (seen != current)
        {
            return DocumentChanged($"The document you read (SHA-256 {seen}) is not version {version.Number}'s document (SHA-256 {current}). Reload the page, read the document again and sign that one.");
        }

        var now = Now;
        var signature = new ContractSignature
        {
            Id = Guid.CreateVersion7(),
            ProposalId = proposal.Id,
            DealId = proposal.DealId,
            OrganizationId = proposal.OrganizationId,
            VersionNumber = version.Number,
            SignerName = name!,
            SignerNameHash = await protector.SearchHashAsync(name!, cancellationToken),
            Consent = true,
            SignedAt = now,
            IpAddress = ipAddress,
            DocumentSha256 = current,
        };
        db.ContractSignatures.Add(signature);
        proposal.SignedAt = now;
        Touch(proposal, now);
        db.Publish(new ContractSigned(proposal.Id, proposal.DealId, proposal.OrganizationId, version.Number, signature.Id, current, now), now);
        // The ledger names the signer by the keyed hash of the typed name only: it is never rewritten, so a name in it
        // would outlive an erasure. The name itself is on the signature, encrypted under the organization's key.
        audit.Stage(db, new AuditRecord("pipeline.contract.signed", "proposal", proposal.Id.ToString(),
            After: new { signatureId = signature.Id, version = version.Number, documentSha256 = current, signedAt = now, consent = true, signerNameHash = signature.SignerNameHash, ipAddress },
            OrganizationId: proposal.OrganizationId));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique signature per proposal, or the proposal's token: another signing won.
            return Error.Conflict("The contract was signed at the same moment by another request.");
        }

        return signature;
    }

    /// <summary>A 409 problem naming the <c>documentSha256</c> field.</summary>
    private static Error DocumentChanged(string detail) =>
        new("document_changed", "Conflict", detail, StatusCodes.Status409Conflict, new Dictionary<string, string[]> { ["documentSha256"] = [detail] });

    /// <summary>The proposal and version a link names, if the client may still answer it (accept or decline).</summary>
    private async Task<Result<(Proposal Proposal, ProposalVersion Version)>> AnswerableAsync(string token, CancellationToken cancellationToken)
    {
        var read = await ReadAsync(token, cancellationToken);
        if (!read.Succeeded)
        {
            return read.Error;
        }

        var (link, proposal) = read.Value;
        if (proposal.SentVersion is { } sent && link.Version < sent)
        {
            return Error.Conflict($"Version {link.Version} was replaced by version {sent}: only the latest version can be answered. Open the link of the latest e-mail.");
        }

        return proposal.Status switch
        {
            ProposalStatus.Accepted => Error.Conflict($"Version {proposal.AcceptedVersion} was accepted already, at {proposal.AcceptedAt:yyyy-MM-dd HH:mm} UTC."),
            ProposalStatus.Declined => Error.Conflict($"Version {link.Version} was declined."),
            ProposalStatus.Sent => (proposal, proposal.Versions.Single(v => v.Number == link.Version)),
            _ => Error.NotFound("Proposal link", "link"),
        };
    }

    /// <summary>The proposal a genuine, unexpired link names (404 for a link that is not one of ours, 410 for an expired one).</summary>
    private async Task<Result<(ProposalLink Link, Proposal Proposal)>> ReadAsync(string token, CancellationToken cancellationToken)
    {
        var link = links.Read(token);
        switch (link.State)
        {
            case ProposalLinkState.Invalid:
                return LinkInvalid;
            case ProposalLinkState.Expired:
                return LinkExpired;
        }

        var proposal = await LoadAsync(link.ProposalId, cancellationToken);
        if (proposal is null || proposal.Versions.All(v => v.Number != link.Version || v.SentAt is null))
        {
            return LinkInvalid;
        }

        return (link, proposal);
    }

    internal static Error LinkInvalid => new("link_invalid", "Not found", "This proposal link is not valid: it may have been cut short or changed. Open the link from the e-mail again.", StatusCodes.Status404NotFound);

    internal static Error LinkExpired => new("link_expired", "Gone", "This proposal link has expired. Ask your contact for a new one.", StatusCodes.Status410Gone);

    private Task<Proposal?> LoadAsync(Guid proposalId, CancellationToken cancellationToken) =>
        db.Proposals.Include(p => p.Versions).ThenInclude(v => v.LineItems).FirstOrDefaultAsync(p => p.Id == proposalId, cancellationToken);

    private async Task<Result<Proposal>> SaveAsync(Proposal proposal, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return proposal;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("The proposal was answered or changed at the same moment by someone else; reload it to see where it stands.");
        }
    }

    /// <summary>Marks the proposal row changed, so that its version token is checked and moved on by this save.</summary>
    private void Touch(Proposal proposal, DateTime now)
    {
        proposal.UpdatedAt = now;
        db.Entry(proposal).Property(p => p.UpdatedAt).IsModified = true;
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private static void Apply(ProposalVersion version, ProposalContent c)
    {
        version.Title = c.Title;
        version.Language = c.Language;
        version.DiscountKind = c.DiscountKind;
        version.DiscountValue = c.DiscountValue;
        version.Subtotal = c.Subtotal;
        version.DiscountAmount = c.DiscountAmount;
        version.Total = c.Total;
        version.ValidUntil = c.ValidUntil;
        version.Terms = c.Terms;
        var position = 0;
        foreach (var item in c.Items)
        {
            version.LineItems.Add(new ProposalLineItem { Id = Guid.CreateVersion7(), VersionId = version.Id, Position = position++, Description = item.Description, Quantity = item.Quantity, UnitPrice = item.UnitPrice, Amount = item.Amount });
        }
    }

    /// <summary>Checks a request and computes the amounts: each 400 names its field as the JSON body spells it.</summary>
    private Result<ProposalContent> Validate(ProposalRequest request, string currency, string clientName, bool requireRecipient)
    {
        var fields = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Fail(string field, string message) => fields[field] = [message];

        var title = string.IsNullOrWhiteSpace(request.Title) ? $"Proposal for {clientName}" : request.Title.Trim();
        title = title.Length > MaxTitleLength && string.IsNullOrWhiteSpace(request.Title) ? title[..MaxTitleLength] : title;
        if (title.Length > MaxTitleLength || FormBinding.HasControlCharacter(title) || title.Contains('\n', StringComparison.Ordinal))
        {
            Fail("title", $"title is one line of at most {MaxTitleLength} characters.");
        }

        var recipientName = string.IsNullOrWhiteSpace(request.RecipientName) ? null : request.RecipientName.Trim();
        if ((recipientName is null && requireRecipient) || recipientName is { Length: > MaxNameLength } || (recipientName is not null && FormBinding.HasControlCharacter(recipientName)))
        {
            Fail("recipientName", $"recipientName: whom the proposal is for, at most {MaxNameLength} characters.");
        }

        var recipientEmail = string.IsNullOrWhiteSpace(request.RecipientEmail) ? null : request.RecipientEmail.Trim();
        if ((recipientEmail is null && requireRecipient) || (recipientEmail is not null && (recipientEmail.Length > 320 || !new EmailAddressAttribute().IsValid(recipientEmail) || !recipientEmail.Contains('.', StringComparison.Ordinal))))
        {
            Fail("recipientEmail", "recipientEmail must be the client's e-mail address: the link is sent there.");
        }

        var language = string.IsNullOrWhiteSpace(request.Language) ? "en" : request.Language.Trim().ToLowerInvariant();
        if (!UiCultures.IsSupported(language))
        {
            Fail("language", "language is one of en, de, ja.");
        }

        var items = new List<ProposalItemContent>();
        var lineItems = request.LineItems ?? [];
        if (lineItems.Count is 0 or > MaxLineItems)
        {
            Fail("lineItems", $"A proposal has 1 to {MaxLineItems} line items.");
        }

        for (var i = 0; i < Math.Min(lineItems.Count, MaxLineItems); i++)
        {
            var item = lineItems[i];
            var description = item?.Description?.Trim();
            if (string.IsNullOrEmpty(description) || description.Length > MaxDescriptionLength || FormBinding.HasControlCharacter(description) || description.Contains('\n', StringComparison.Ordinal))
            {
                Fail($"lineItems[{i}].description", $"Each line item needs a description: one line of at most {MaxDescriptionLength} characters.");
            }

            if (item?.Quantity is not { } quantity || quantity <= 0 || quantity > MaxQuantity || decimal.Round(quantity, 4) != quantity)
            {
                Fail($"lineItems[{i}].quantity", $"quantity is above 0 and at most {MaxQuantity:N0}, with up to 4 decimals.");
                continue;
            }

            if (item.UnitPrice is not { } unitPrice || unitPrice < 0 || unitPrice > MaxAmount || ProposalMoney.Round(unitPrice, currency) != unitPrice)
            {
                Fail($"lineItems[{i}].unitPrice", $"unitPrice is between 0 and {MaxAmount:N0} {currency}, in whole {(ProposalMoney.Digits(currency) == 0 ? "units" : "cents")}.");
                continue;
            }

            if (description is not null)
            {
                items.Add(new ProposalItemContent(description, quantity, unitPrice, ProposalMoney.Round(quantity * unitPrice, currency)));
            }
        }

        var subtotal = items.Sum(i => i.Amount);
        if (subtotal > MaxAmount)
        {
            Fail("lineItems", $"The line items come to more than {MaxAmount:N0} {currency}.");
        }

        var (kind, value, discount) = (DiscountKind.None, 0m, 0m);
        switch (request.Discount?.Kind?.Trim().ToLowerInvariant())
        {
            case null or "" or "none":
                break;
            case "percent":
                kind = DiscountKind.Percent;
                value = request.Discount.Value ?? -1;
                if (value is < 0 or > 100 || decimal.Round(value, 2) != value)
                {
                    Fail("discount.value", "A percent discount is between 0 and 100, with up to 2 decimals.");
                }

                discount = ProposalMoney.Round(subtotal * value / 100m, currency);
                break;
            case "amount":
                kind = DiscountKind.Amount;
                value = request.Discount.Value ?? -1;
                if (value < 0 || value > subtotal || ProposalMoney.Round(value, currency) != value)
                {
                    Fail("discount.value", $"An amount discount is between 0 and the subtotal ({ProposalMoney.Format(subtotal, currency)} {currency}).");
                }

                discount = value;
                break;
            default:
                Fail("discount.kind", "discount.kind is percent or amount.");
                break;
        }

        if (request.ValidUntil is not { } validUntil)
        {
            Fail("validUntil", "validUntil is the last day the offer can be accepted (yyyy-MM-dd).");
            validUntil = default;
        }
        else if (validUntil < DateOnly.FromDateTime(Now))
        {
            Fail("validUntil", "validUntil must be today or later.");
        }
        else if (validUntil > DateOnly.FromDateTime(Now).AddYears(2))
        {
            Fail("validUntil", "validUntil is at most two years ahead.");
        }

        var terms = string.IsNullOrWhiteSpace(request.Terms) ? null : request.Terms.Trim();
        if (terms is { Length: > MaxTermsLength } || (terms is not null && FormBinding.HasControlCharacter(terms)))
        {
            Fail("terms", $"terms are at most {MaxTermsLength} characters of text.");
        }

        if (fields.Count > 0)
        {
            return Error.Validation(fields);
        }

        return new ProposalContent(title, recipientName, recipientEmail, language, items, kind, value, subtotal, discount, subtotal - discount, validUntil, terms);
    }

    private sealed record ProposalItemContent(string Description, decimal Quantity, decimal UnitPrice, decimal Amount);

    private sealed record ProposalContent(
        string Title, string? RecipientName, string? RecipientEmail, string Language, IReadOnlyList<ProposalItemContent> Items,
        DiscountKind DiscountKind, decimal DiscountValue, decimal Subtotal, decimal DiscountAmount, decimal Total, DateOnly ValidUntil, string? Terms);
}

/// <summary>What the audit ledger keeps of a proposal version: the business facts, never the recipient.</summary>
internal static class ProposalAudit
{
    public static object Of(Proposal proposal, ProposalVersion version) => new
    {
        proposal.DealId,
        version = version.Number,
        version.Title,
        proposal.Currency,
        items = version.LineItems.Count,
        version.Subtotal,
        discount = version.DiscountKind == DiscountKind.None ? null : version.DiscountKind.ToString().ToLowerInvariant(),
        version.DiscountAmount,
        version.Total,
        validUntil = version.ValidUntil.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };
}
