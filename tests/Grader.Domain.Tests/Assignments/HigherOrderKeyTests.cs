namespace Grader.Domain.Tests.Assignments;

/// <summary>
/// A gradient of a gradient, keyed through an assignment (PyTorch's create_graph=True): each row's
/// key is worked out by hand from the identity in its name. Before issue 19 every one keyed 0.
/// </summary>
public class HigherOrderKeyTests
{
    [Theory]
    [InlineData("d²(a³)/da² = 6a", "a: 2", "grad(grad(a^3, a), a)", new[] { 12.0 })]
    [InlineData("d³(a⁴)/da³ = 24a", "a: 0.5", "grad(grad(grad(a^4, a), a), a)", new[] { 12.0 })]
    [InlineData("∂/∂x Σ ∂(Σ sin x)/∂x = −sin x", "x: [0, 1.5707963267948966]", "grad(sum(grad(sum(sin(x)), x)), x)", new[] { 0.0, -1.0 })]
    [InlineData("d²(e^(2a))/da² = 4e^(2a) at a = 0", "a: 0", "grad(grad(exp(2 * a), a), a)", new[] { 4.0 })]
    [InlineData("d²(ln a)/da² = −1/a²", "a: 2", "grad(grad(log(a), a), a)", new[] { -0.25 })]
    [InlineData("a linear function's second derivative is 0", "a: 3", "grad(grad(5 * a + 1, a), a)", new[] { 0.0 })]
    public void A_gradient_of_a_gradient_is_keyed_exactly(string identity, string value, string answer, double[] expected)
    {
        var key = Keys.OfText($"values:\n  {value}\nquestions:\n  - {{ id: q, answer: \"{answer}\" }}\n");
        var actual = key.AnswerTo("q")!;
        Assert.Equal(expected.Length, actual.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual.Data[i]) < 1e-12, $"{identity}: element {i} keyed {actual.Data[i]:R}, expected {expected[i]:R}");
        }
    }

    [Fact]
    public void A_gradient_node_differentiated_by_a_later_node_is_exact()
    {
        // The gradient penalty (WGAN-GP): f = w·x², ∂f/∂x = 2wx, P = (∂f/∂x)² = 4w²x², ∂P/∂w = 8wx² = 8·3·4 = 96.
        var key = Keys.OfText("""
            values:
              w: 3
              x: 2
            graph:
              f: w * x^2
              g: grad(f, x)
              P: g^2
            questions:
              - { id: g, answer: g }
              - { id: dP-dw, answer: "grad(P, w)" }
              - { id: dP-dx, answer: "grad(P, x)" }
            """);
        Assert.Equal(12, key.AnswerTo("g")!.ScalarValue, 12);
        Assert.Equal(96, key.AnswerTo("dP-dw")!.ScalarValue, 12);
        Assert.Equal(8 * 9 * 2, key.AnswerTo("dP-dx")!.ScalarValue, 12); // ∂P/∂x = 8w²x
    }
}
