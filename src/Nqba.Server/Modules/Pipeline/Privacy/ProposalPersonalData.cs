using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Pipeline.Persistence;
using Nqba.Server.Modules.Pipeline.Proposals;
using Nqba.Server.Platform.Privacy;
using Nqba.Server.Platform.Protection;

namespace Nqba.Server.Modules.Pipeline.Privacy;

/// <summary>
/// Proposals, contract signatures and an organization's deal notes for privacy requests: a person's are found by the keyed hash of the recipient's
/// address (and the signatures of those proposals), an organization's by its id. Exported decrypted; erasure redacts the
/// recipient, the decline reasons, the signer's name and address (the signature keeps its time and document hash, and the
/// audit ledger only ever had a keyed hash of the name) and the organization's deal notes; rectification corrects the recipient.
/// </summary>
internal sealed class ProposalPersonalData(PipelineDbContext db) : IPersonalDataSource
{
    public string Name => "pipeline";

    public async Task<IReadOnlyList<PersonalDataRecord>> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var proposals = await ProposalsOf(subject).AsNoTracking().Include(p => p.Versions).OrderBy(p => p.CreatedAt).ToListAsync(cancellationToken);
        var records = proposals.ConvertAll(p => new PersonalDataRecord("proposal", p.Id.ToString(), new
        {
            p.RecipientName,
            p.RecipientEmail,
            Status = p.Status.ToString().ToLowerInvariant(),
            p.CreatedAt,
            Versions = p.Versions.OrderBy(v => v.Number).Select(v => new { v.Number, v.Title, v.Total, p.Currency, v.SentAt, v.AcceptedAt, v.DeclinedAt, v.DeclineReason }).ToList(),
        }));
        var ids = proposals.ConvertAll(p => p.Id);
        foreach (var s in await db.ContractSignatures.AsNoTracking().Where(s => ids.Contains(s.ProposalId)).ToListAsync(cancellationToken))
        {
            records.Add(new PersonalDataRecord("contract-signature", s.Id.ToString(), new { s.ProposalId, Version = s.VersionNumber, s.SignerName, s.Consent, s.SignedAt, s.IpAddress, s.DocumentSha256 }));
        }

        if (subject.OrganizationId is { } organization)
        {
            foreach (var n in await db.DealNotes.IgnoreQueryFilters().AsNoTracking().Where(n => n.OrganizationId == organization).OrderBy(n => n.At).ToListAsync(cancellationToken))
            {
                records.Add(new PersonalDataRecord("deal-note", n.Id.ToString(), new { n.DealId, n.Text, n.At }));
            }
        }

        return records;
    }

    public async Task<int> EraseAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var proposals = await ProposalsOf(subject).Include(p => p.Versions).ToListAsync(cancellationToken);
        foreach (var proposal in proposals)
        {
            proposal.RecipientName = FieldProtector.ErasedValue;
            proposal.RecipientEmail = FieldProtector.ErasedValue;
            proposal.RecipientEmailHash = FieldProtector.ErasedValue;
            foreach (var version in proposal.Versions)
            {
                version.DeclineReason = null;
            }
        }

        var ids = proposals.ConvertAll(p => p.Id);
        foreach (var signature in await db.ContractSignatures.Where(s => ids.Contains(s.ProposalId)).ToListAsync(cancellationToken))
        {
            signature.SignerName = FieldProtector.ErasedValue;
            signature.IpAddress = null;
        }

        var notes = subject.OrganizationId is { } organization
            ? await db.DealNotes.IgnoreQueryFilters().Where(n => n.OrganizationId == organization).ToListAsync(cancellationToken)
            : [];
        foreach (var note in notes)
        {
            note.Text = FieldProtector.ErasedValue;
        }

        await db.SaveChangesAsync(cancellationToken);
        return proposals.Count + notes.Count;
    }

    public async Task<int> RectifyAsync(DataSubject subject, Rectification correction, CancellationToken cancellationToken)
    {
        var proposals = await ProposalsOf(subject).ToListAsync(cancellationToken);
        foreach (var proposal in proposals)
        {
            proposal.RecipientName = correction.Name ?? proposal.RecipientName;
            if (correction is { Email: { } email, EmailHash: { } hash })
            {
                proposal.RecipientEmail = email;
                proposal.RecipientEmailHash = hash;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return proposals.Count;
    }

    private IQueryable<Proposal> ProposalsOf(DataSubject subject) => subject.OrganizationId is { } org
        ? db.Proposals.IgnoreQueryFilters().Where(p => p.OrganizationId == org)
        : db.Proposals.IgnoreQueryFilters().Where(p => subject.EmailHash != null && p.RecipientEmailHash == subject.EmailHash);
}
