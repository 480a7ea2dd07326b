"""Expected values of indexing and the tensor-building functions, computed by PyTorch (float64).

Run by hand when a case is added (Debian's python3-torch is enough):

    python3 tests/pytorch/indexing.py > tests/pytorch/indexing.json

Each case gives an assignment's values, an answer in the expression language and, beside it, the
same computation in PyTorch; the output is checked in, so the tests need no PyTorch
(tests/Grader.Domain.Tests/Expressions/PyTorchIndexingTests.cs keys every answer and compares).
"""
import json

import torch
import torch.nn.functional as F

torch.manual_seed(19)
D = torch.float64


def r(*shape):
    return torch.randn(*shape, dtype=D)


VALUES = {
    "W": r(5, 3),
    "C": r(4, 3),
    "x": r(3, 4),
    "v": r(5),
    "y": r(2, 3, 4),
    "Cy": r(2, 3),
    "a": r(2, 3),
    "b": r(2, 2),
    "Cab": r(2, 5),
    "Cs": r(2, 3, 2),
    "c": torch.tensor([-1.0, -0.5, -0.25, 0.0, 0.5, 0.75], dtype=D),
    "Cc": r(6),
    "idx": torch.tensor([4.0, 0.0, 4.0, 2.0], dtype=D),
    "idx2": torch.tensor([[1.0, 1.0], [3.0, 0.0]], dtype=D),
}


def long(t):
    return t.long()


def grad(f, wrt, create_graph=False):
    (g,) = torch.autograd.grad(f, wrt, create_graph=create_graph)
    return g


# (name, answer in the expression language, the same in PyTorch given leaves that require grad)
CASES = [
    ("an embedding lookup", "W[idx]", lambda t: t["W"][long(t["idx"])]),
    ("its gradient scatters rows, repeats accumulating", "grad(sum(W[idx] * C), W)",
     lambda t: grad((t["W"][long(t["idx"])] * t["C"]).sum(), t["W"])),
    ("embedding(W, idx2) of a (2, 2) index", "embedding(W, idx2)", lambda t: F.embedding(long(t["idx2"]), t["W"])),
    ("a slice of columns", "x[:, 1:3]", lambda t: t["x"][:, 1:3]),
    ("a stepped slice", "v[::2]", lambda t: t["v"][::2]),
    ("a slice with negative bounds", "v[-4:-1:2]", lambda t: t["v"][-4:-1:2]),
    ("a number and a list", "x[-1, [0, 2]]", lambda t: t["x"][-1, torch.tensor([0, 2])]),
    ("two lists pair up", "x[[0, 2, 2], [1, 3, 0]]", lambda t: t["x"][torch.tensor([0, 2, 2]), torch.tensor([1, 3, 0])]),
    ("a number selects before the list is placed", "y[0, :, [1, 3]]", lambda t: t["y"][0, :, torch.tensor([1, 3])]),
    ("lists apart go first, with their gradient", "grad(sum(y[[0, 1], :, [1, 3]] * Cy), y)",
     lambda t: grad((t["y"][torch.tensor([0, 1]), :, torch.tensor([1, 3])] * t["Cy"]).sum(), t["y"])),
    ("concat along axis 1", "concat([a, b], axis=1)", lambda t: torch.cat([t["a"], t["b"]], dim=1)),
    ("concat's gradient to its second part", "grad(sum(concat([a, b], axis=-1) * Cab), b)",
     lambda t: grad((torch.cat([t["a"], t["b"]], dim=-1) * t["Cab"]).sum(), t["b"])),
    ("stack along the last axis", "stack([a, 2 * a], axis=-1)", lambda t: torch.stack([t["a"], 2 * t["a"]], dim=-1)),
    ("stack's gradient", "grad(sum(stack([a, a * a], axis=2) * Cs), a)",
     lambda t: grad((torch.stack([t["a"], t["a"] * t["a"]], dim=2) * t["Cs"]).sum(), t["a"])),
    ("clip", "clip(c, -0.5, 0.5)", lambda t: t["c"].clamp(-0.5, 0.5)),
    ("clip's gradient passes at the bounds", "grad(sum(clip(c, -0.5, 0.5) * Cc), c)",
     lambda t: grad((t["c"].clamp(-0.5, 0.5) * t["Cc"]).sum(), t["c"])),
    ("permute", "permute(y, [2, 0, 1])", lambda t: t["y"].permute(2, 0, 1)),
    ("transpose of two axes", "transpose(y, 0, -1)", lambda t: torch.transpose(t["y"], 0, -1)),
    ("reshape with -1", "reshape(y, [-1, 4])", lambda t: t["y"].reshape(-1, 4)),
    ("onehot", "onehot(idx, 6)", lambda t: F.one_hot(long(t["idx"]), 6).to(D)),
    ("onehot with n inferred", "onehot(idx2)", lambda t: F.one_hot(long(t["idx2"])).to(D)),
    ("eye", "eye(2, 3)", lambda t: torch.eye(2, 3, dtype=D)),
    ("zeros and ones", "zeros([2, 1]) + ones(1)", lambda t: torch.zeros(2, 1, dtype=D) + torch.ones(1, dtype=D)),
    ("a second derivative through an embedding lookup", "grad(sum(grad(sum(W[idx]^3 * C), W) * W), W)",
     lambda t: grad((grad((t["W"][long(t["idx"])] ** 3 * t["C"]).sum(), t["W"], create_graph=True) * t["W"]).sum(), t["W"])),
]


def main():
    cases = []
    for name, answer, compute in CASES:
        leaves = {k: v.clone().requires_grad_(True) for k, v in VALUES.items()}
        result = compute(leaves).detach()
        cases.append({"name": name, "answer": answer, "shape": list(result.shape), "data": result.flatten().tolist()})
    values = ",\n".join(f"  {json.dumps(k)}: {json.dumps(v.tolist())}" for k, v in VALUES.items())
    rows = ",\n".join(f"  {json.dumps(c)}" for c in cases)
    print(f'{{\n "torch": {json.dumps(torch.__version__)},\n "values": {{\n{values}\n }},\n "cases": [\n{rows}\n ]\n}}')


if __name__ == "__main__":
    main()
