using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Intake.Persistence;
using Nqba.Server.Platform.Events;
using Nqba.Server.Platform.Protection;
using Nqba.Server.Platform.Seeding;

namespace Nqba.Server.Modules.Intake.Leads;

/// <summary>
/// Encrypts contact data written before Intake encrypted it (once, on start), and seeds a few demo leads for the
/// demo client organizations, each with its LeadCaptured event.
/// </summary>
internal sealed class IntakeSeeder(IntakeDbContext db, FieldProtector protector, TimeProvider time) : IDataSeeder
{
    public int Order => 30;

    public async Task SeedAsync(bool includeDemoData, CancellationToken cancellationToken)
    {
        await ProtectPlaintextRowsAsync(cancellationToken);
        if (!includeDemoData || await db.Leads.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        (Guid Org, string Name, string Email, string Region, string Language, LeadSource Source, int HoursAgo)[] leads =
        [
            (DemoCompany.AcmeCorp, "Jordan Miles", "jordan.miles@acme.example", "us-east", "en", LeadSource.WebForm, 30),
            (DemoCompany.NordWerk, "Katrin Vogel", "k.vogel@nordwerk.example", "europe", "de", LeadSource.Email, 20),
            (DemoCompany.SakuraCapital, "Haruto Mori", "h.mori@sakura-capital.example", "apac", "ja", LeadSource.Phone, 6),
            (DemoCompany.PacificRetail, "Ava Thompson", "ava@pacific-retail.example", "us-west", "en", LeadSource.LiveChat, 2),
            (DemoCompany.AcmeCorp, "Sam Ortega", "sam.ortega@acme.example", "us-east", "en", LeadSource.Referral, 1),
        ];
        foreach (var l in leads)
        {
            var lead = new Lead
            {
                Id = Guid.CreateVersion7(),
                ClientOrganizationId = l.Org,
                ContactName = l.Name,
                ContactEmail = l.Email,
                ContactEmailHash = await protector.SearchHashAsync(l.Email, cancellationToken),
                RegionCode = l.Region,
                Language = l.Language,
                Source = l.Source,
                Status = LeadStatus.New,
                CapturedAt = now.AddHours(-l.HoursAgo),
            };
            db.Leads.Add(lead);
            db.Publish(new LeadCaptured(lead.Id, lead.ClientOrganizationId, lead.Source, lead.CapturedAt), now);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task ProtectPlaintextRowsAsync(CancellationToken cancellationToken)
    {
        var contacts = await db.Contacts.IgnoreQueryFilters().Where(c => c.EmailHash == null).ToListAsync(cancellationToken);
        foreach (var contact in contacts)
        {
            contact.EmailHash = await protector.SearchHashAsync(contact.Email, cancellationToken);
            MarkEncryptedModified(contact);
        }

        var leads = await db.Leads.IgnoreQueryFilters().Where(l => l.ContactEmailHash == null).ToListAsync(cancellationToken);
        foreach (var lead in leads)
        {
            lead.ContactEmailHash = await protector.SearchHashAsync(lead.ContactEmail, cancellationToken);
            MarkEncryptedModified(lead);
        }

        if (contacts.Count + leads.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    // Values read as plaintext look unchanged to the change tracker; marking them modified makes the save encrypt them.
    private void MarkEncryptedModified(object entity)
    {
        var entry = db.Entry(entity);
        foreach (var property in FieldEncryptionInterceptor.PropertiesOf(entity.GetType()))
        {
            if (entry.Property(property.Name).CurrentValue is not null)
            {
                entry.Property(property.Name).IsModified = true;
            }
        }
    }
}
