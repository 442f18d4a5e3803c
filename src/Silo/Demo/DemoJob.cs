using ModelGrid.Evaluations;

namespace ModelGrid.Silo.Demo;

/// <summary>One of the evaluation demo's jobs: what it evaluates (<c>demo/mnist@1 on mnist-accuracy</c>), its suite and its newest snapshot.</summary>
public sealed record DemoJob(string Label, string Suite, JobSnapshot Job);
