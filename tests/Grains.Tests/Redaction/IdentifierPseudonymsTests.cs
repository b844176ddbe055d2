using AgentOps.Entities;
using AgentOps.Redaction;
using Microsoft.Extensions.Options;

namespace AgentOps.Grains.Tests.Redaction;

/// <summary>User ids that are personal data become stable pseudonyms; ordinary ids stay as they are.</summary>
public sealed class IdentifierPseudonymsTests
{
    private static IdentifierPseudonyms With(string? key) =>
        new(TextRedactor.Default, Options.Create(new RedactionOptions { PseudonymKey = key }));

    [Fact]
    public void An_email_user_id_becomes_a_typed_pseudonym_that_is_the_same_every_time_and_a_valid_id()
    {
        var pseudonyms = With("k1");

        var first = pseudonyms.Pseudonym("jane.doe@example.com");

        Assert.Matches("^email-[0-9a-f]{16}$", first);
        Assert.Equal(first, pseudonyms.Pseudonym("jane.doe@example.com"));
        Assert.NotEqual(first, pseudonyms.Pseudonym("john.doe@example.com"));
        Assert.True(EntityIds.IsValid(first));
    }

    [Fact]
    public void The_key_changes_every_pseudonym_and_ordinary_ids_are_kept()
    {
        Assert.NotEqual(With("k1").Pseudonym("jane.doe@example.com"), With("k2").Pseudonym("jane.doe@example.com"));
        Assert.Equal("user-42", With("k1").Pseudonym("user-42"));
        Assert.Null(With("k1").Pseudonym(null));
    }
}
