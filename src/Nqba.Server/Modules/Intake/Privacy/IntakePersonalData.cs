using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Intake.Contacts;
using Nqba.Server.Modules.Intake.Leads;
using Nqba.Server.Modules.Intake.Persistence;
using Nqba.Server.Platform.Privacy;
using Nqba.Server.Platform.Protection;

namespace Nqba.Server.Modules.Intake.Privacy;

/// <summary>
/// Intake's contacts, leads and assessments for privacy requests. A contact's fields and their leads' are encrypted
/// under the contact's own data key, so erasing the person destroys that key (crypto-shredding): the leads stay
/// for statistics (source, status, score, unit) and read as <see cref="FieldProtector.ErasedValue"/>.
/// </summary>
internal sealed class IntakePersonalData(IntakeDbContext db, FieldProtector protector) : IPersonalDataSource, IRetentionPolicy
{
    public string Name => "intake";

    public string Category => "intake.leads";

    public async Task<IReadOnlyList<PersonalDataRecord>> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var contacts = await ContactsOf(subject).AsNoTracking().ToListAsync(cancellationToken);
        var leads = await LeadsOf(subject, contacts).AsNoTracking().ToListAsync(cancellationToken);
        var leadIds = leads.ConvertAll(l => l.Id);
        var assessments = await db.Assessments.IgnoreQueryFilters().AsNoTracking().Where(a => leadIds.Contains(a.LeadId)).ToListAsync(cancellationToken);

        var records = new List<PersonalDataRecord>();
        records.AddRange(contacts.Select(c => new PersonalDataRecord("contact", c.Id.ToString(), new
        {
            c.Name,
            c.Email,
            c.Phone,
            c.Language,
            c.ClientOrganizationId,
            c.CreatedAt,
        })));
        records.AddRange(leads.Select(l => new PersonalDataRecord("lead", l.Id.ToString(), new
        {
            l.ContactName,
            l.ContactEmail,
            l.CompanyName,
            l.RegionCode,
            l.Language,
            l.Source,
            l.Status,
            l.Notes,
            l.CapturedAt,
            l.Score,
            l.Tier,
            l.UnitCode,
            l.MeetingType,
            l.SpecialistName,
            l.RoutedAt,
        })));
        records.AddRange(assessments.Select(a => new PersonalDataRecord("assessment", a.Id.ToString(), new
        {
            a.LeadId,
            a.Status,
            a.AnswersJson,
            a.OutcomeJson,
            a.RecommendedUnit,
            a.MeetingType,
        })));
        return records;
    }

    public async Task<int> EraseAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var contacts = await ContactsOf(subject).ToListAsync(cancellationToken);
        var leads = await LeadsOf(subject, contacts).ToListAsync(cancellationToken);
        await protector.DestroyOrganizationKeysAsync(contacts.ConvertAll(c => c.Id), cancellationToken);
        foreach (var contact in contacts)
        {
            contact.EmailHash = ErasedHash(contact.Id);
        }

        // Leads without a contact of their own are encrypted under the organization's key: overwrite them.
        foreach (var lead in leads)
        {
            lead.ContactEmailHash = ErasedHash(lead.Id);
            if (lead.ContactId is null)
            {
                Redact(lead);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return contacts.Count + leads.Count;
    }

    public async Task<int> RectifyAsync(DataSubject subject, Rectification correction, CancellationToken cancellationToken)
    {
        var contacts = await ContactsOf(subject).ToListAsync(cancellationToken);
        var leads = await LeadsOf(subject, contacts).ToListAsync(cancellationToken);
        foreach (var contact in contacts)
        {
            contact.Name = correction.Name ?? contact.Name;
            contact.Phone = correction.Phone ?? contact.Phone;
            if (correction is { Email: { } email, EmailHash: { } hash })
            {
                contact.Email = email;
                contact.EmailHash = hash;
            }
        }

        foreach (var lead in leads)
        {
            lead.ContactName = correction.Name ?? lead.ContactName;
            if (correction is { Email: { } email, EmailHash: { } hash })
            {
                lead.ContactEmail = email;
                lead.ContactEmailHash = hash;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return contacts.Count + leads.Count;
    }

    public async Task<int> PurgeOlderThanAsync(DateTime cutoff, CancellationToken cancellationToken)
    {
        // A contact is purged when none of their leads is newer than the cutoff; their leads go with them.
        var stale = await db.Contacts.IgnoreQueryFilters()
            .Where(c => !c.EmailHash!.StartsWith(ErasedPrefix) && c.CreatedAt < cutoff && !db.Leads.IgnoreQueryFilters().Any(l => l.ContactId == c.Id && l.CapturedAt >= cutoff))
            .ToListAsync(cancellationToken);
        var erased = 0;
        foreach (var contact in stale)
        {
            erased += await EraseAsync(new DataSubject(null, contact.EmailHash, null), cancellationToken);
        }

        var orphans = await db.Leads.IgnoreQueryFilters()
            .Where(l => l.ContactId == null && l.CapturedAt < cutoff && !l.ContactEmailHash!.StartsWith(ErasedPrefix))
            .ToListAsync(cancellationToken);
        foreach (var lead in orphans)
        {
            lead.ContactEmailHash = ErasedHash(lead.Id);
            Redact(lead);
        }

        await db.SaveChangesAsync(cancellationToken);
        return erased + orphans.Count;
    }

    private const string ErasedPrefix = "erased-";

    private static string ErasedHash(Guid id) => ErasedPrefix + id.ToString("N");

    private static void Redact(Lead lead)
    {
        lead.ContactName = FieldProtector.ErasedValue;
        lead.ContactEmail = FieldProtector.ErasedValue;
        lead.Notes = null;
    }

    private IQueryable<Contact> ContactsOf(DataSubject subject) => subject.OrganizationId is { } org
        ? db.Contacts.IgnoreQueryFilters().Where(c => c.ClientOrganizationId == org)
        : db.Contacts.IgnoreQueryFilters().Where(c => c.EmailHash == subject.EmailHash);

    private IQueryable<Lead> LeadsOf(DataSubject subject, List<Contact> contacts)
    {
        if (subject.OrganizationId is { } org)
        {
            return db.Leads.IgnoreQueryFilters().Where(l => l.ClientOrganizationId == org);
        }

        var contactIds = contacts.ConvertAll(c => (Guid?)c.Id);
        return db.Leads.IgnoreQueryFilters().Where(l => l.ContactEmailHash == subject.EmailHash || contactIds.Contains(l.ContactId));
    }
}
