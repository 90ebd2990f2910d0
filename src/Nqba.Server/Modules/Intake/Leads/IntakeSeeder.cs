using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Intake.Persistence;
using Nqba.Server.Platform.Events;
using Nqba.Server.Platform.Seeding;

namespace Nqba.Server.Modules.Intake.Leads;

/// <summary>A few demo leads for the demo client organizations, each with its LeadCaptured event.</summary>
internal sealed class IntakeSeeder(IntakeDbContext db, TimeProvider time) : IDataSeeder
{
    public int Order => 30;

    public async Task SeedAsync(bool includeDemoData, CancellationToken cancellationToken)
    {
        if (!includeDemoData || await db.Leads.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        (Guid Org, string Name, string Email, LeadSource Source, int HoursAgo)[] leads =
        [
            (DemoCompany.AcmeCorp, "Jordan Miles", "jordan.miles@acme.example", LeadSource.WebForm, 30),
            (DemoCompany.NordWerk, "Katrin Vogel", "k.vogel@nordwerk.example", LeadSource.Email, 20),
            (DemoCompany.SakuraCapital, "Haruto Mori", "h.mori@sakura-capital.example", LeadSource.Phone, 6),
            (DemoCompany.PacificRetail, "Ava Thompson", "ava@pacific-retail.example", LeadSource.LiveChat, 2),
            (DemoCompany.AcmeCorp, "Sam Ortega", "sam.ortega@acme.example", LeadSource.Referral, 1),
        ];
        foreach (var l in leads)
        {
            var lead = new Lead
            {
                Id = Guid.CreateVersion7(),
                ClientOrganizationId = l.Org,
                ContactName = l.Name,
                ContactEmail = l.Email,
                Source = l.Source,
                Status = LeadStatus.New,
                CapturedAt = now.AddHours(-l.HoursAgo),
            };
            db.Leads.Add(lead);
            db.Publish(new LeadCaptured(lead.Id, lead.ClientOrganizationId, lead.Source, lead.CapturedAt), now);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
