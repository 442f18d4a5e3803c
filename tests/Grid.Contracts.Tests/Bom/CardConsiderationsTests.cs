using ModelGrid.Bom;
using ModelGrid.Cards;

namespace ModelGrid.Contracts.Tests.Bom;

public sealed class CardConsiderationsTests
{
    [Fact]
    public void Read_CardWithTheGridsSection_StopsAtItsHeading()
    {
        var body = $"## Limits\n\nOne county only.\n\n{EvaluationCard.Heading}\n\n### toy-bias@1 limits and risks\n\n- not the publisher's\n";

        var considerations = CardConsiderations.Read(body);

        Assert.Equal(["One county only."], considerations.TechnicalLimitations);
        Assert.Empty(considerations.EthicalConsiderations);
    }

    [Fact]
    public void Read_HuggingFaceTemplate_SectionsByHeadingItemsAndParagraphs()
    {
        const string Body = """
            # Model

            ## Uses

            ### Direct Use

            Scoring loan applications
            in a pilot.

            ### Out-of-Scope Use

            1. Decisions without review.
            2) Other countries.

            ## Bias, Risks, and Limitations

            * Under-represents young applicants.

            ```python
            # not a heading
            print("risk")
            ```

            ## Intended users

            Credit analysts.

            ## Performance trade-offs

            Recall is traded for precision.

            ## Training

            Not a consideration.
            """;

        var considerations = CardConsiderations.Read(Body);

        Assert.Equal(["Scoring loan applications in a pilot."], considerations.UseCases);
        Assert.Equal(["Decisions without review.", "Other countries.", "Under-represents young applicants."], considerations.TechnicalLimitations);
        Assert.Empty(considerations.EthicalConsiderations);
        Assert.Equal(["Credit analysts."], considerations.Users);
        Assert.Equal(["Recall is traded for precision."], considerations.PerformanceTradeoffs);
    }

    [Fact]
    public void Read_NoKnownSection_Empty()
    {
        Assert.True(CardConsiderations.Read("# Model\n\n## Training\n\nText.\n").IsEmpty);
    }
}
