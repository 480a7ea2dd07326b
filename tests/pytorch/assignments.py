#!/usr/bin/python3
"""PyTorch float64 worked solutions of assignments/backprop-ninja.yaml and conv-transpose.yaml,
printed to 6 significant figures as the correct hand-ins in assignments/answers/ are written.
Run by hand: /usr/bin/python3 tests/pytorch/assignments.py"""
import torch
import torch.nn.functional as F

D = torch.float64


def show(name, t):
    t = t.detach()
    if t.dim() == 0:
        print(f"  {name}: {float(t):.6g}")
        return

    def fmt(x):
        return "[" + ", ".join(fmt(r) for r in x) + "]" if x.dim() > 0 else f"{float(x):.6g}"
    print(f"  {name}: {fmt(t)}")


print("backprop-ninja")
# makemore part 4 ("Becoming a backprop ninja"), in miniature: vocab 4, block 2, n_embd 2, hidden 3, batch 3.
C = torch.tensor([[0.1, -0.4], [0.7, 0.2], [-0.3, 0.5], [0.9, -0.8]], dtype=D, requires_grad=True)
Xb = torch.tensor([[0, 1], [2, 3], [1, 1]])
Yb = torch.tensor([3, 0, 2])
W1 = torch.tensor([[0.5, -0.2, 0.1], [0.3, 0.8, -0.6], [-0.7, 0.4, 0.2], [0.1, -0.5, 0.9]], dtype=D, requires_grad=True)
b1 = torch.tensor([0.05, -0.1, 0.02], dtype=D, requires_grad=True)
bngain = torch.tensor([[1.2, 0.8, 1.0]], dtype=D, requires_grad=True)
bnbias = torch.tensor([[0.1, -0.2, 0.0]], dtype=D, requires_grad=True)
W2 = torch.tensor([[0.3, -0.6, 0.2, 0.5], [-0.4, 0.1, 0.7, -0.2], [0.6, 0.3, -0.5, 0.1]], dtype=D, requires_grad=True)
b2 = torch.tensor([0.0, 0.1, -0.1, 0.05], dtype=D, requires_grad=True)
n = 3
emb = C[Xb]
embcat = emb.view(n, -1)
hprebn = embcat @ W1 + b1
bnmeani = 1 / n * hprebn.sum(0, keepdim=True)
bndiff = hprebn - bnmeani
bndiff2 = bndiff ** 2
bnvar = 1 / (n - 1) * bndiff2.sum(0, keepdim=True)
bnvar_inv = (bnvar + 1e-5) ** -0.5
bnraw = bndiff * bnvar_inv
hpreact = bngain * bnraw + bnbias
h = torch.tanh(hpreact)
logits = h @ W2 + b2
logit_maxes = logits.max(1, keepdim=True).values
norm_logits = logits - logit_maxes
counts = norm_logits.exp()
counts_sum = counts.sum(1, keepdims=True)
counts_sum_inv = counts_sum ** -1
probs = counts * counts_sum_inv
logprobs = probs.log()
loss = -logprobs[range(n), Yb].mean()
nodes = dict(logprobs=logprobs, probs=probs, counts_sum_inv=counts_sum_inv, counts_sum=counts_sum, counts=counts,
             norm_logits=norm_logits, logit_maxes=logit_maxes, logits=logits, h=h, W2=W2, b2=b2, hpreact=hpreact,
             bngain=bngain, bnbias=bnbias, bnraw=bnraw, bnvar_inv=bnvar_inv, bnvar=bnvar, bndiff2=bndiff2, bndiff=bndiff,
             bnmeani=bnmeani, hprebn=hprebn, embcat=embcat, W1=W1, b1=b1, emb=emb, C=C)
for t in nodes.values():
    if t.requires_grad and not t.is_leaf:
        t.retain_grad()
loss.backward()
show("loss", loss)
assert torch.allclose(loss, F.cross_entropy(logits, Yb))
for k, t in nodes.items():
    show("d" + k, t.grad)

print("conv-transpose")
# d2l 14.10 (Transposed convolution): X = K = [[0, 1], [2, 3]].
X = torch.tensor([[[[0.0, 1.0], [2.0, 3.0]]]], dtype=D, requires_grad=True)
K = torch.tensor([[[[0.0, 1.0], [2.0, 3.0]]]], dtype=D, requires_grad=True)
show("basic", F.conv_transpose2d(X, K))
show("stride2", F.conv_transpose2d(X, K, stride=2))
show("padding1", F.conv_transpose2d(X, K, padding=1))
G = torch.tensor([[[[1.0, -1.0, 0.5, 2.0], [0.0, 1.0, -2.0, 1.0], [3.0, 0.5, 1.0, -1.0], [1.0, 2.0, 0.0, -0.5]]]], dtype=D)
L = (F.conv_transpose2d(X, K, stride=2) * G).sum()
gX, gK = torch.autograd.grad(L, [X, K])
show("L", L)
show("dX", gX)
show("dK", gK)
X2 = torch.tensor([[[[0.21, 0.33], [0.62, 0.87]], [[1.13, 1.29], [1.42, 1.71]]]], dtype=D)
K2 = torch.tensor([[[[1.0, 0.5], [-1.0, 2.0]], [[0.0, 1.0], [1.0, 0.0]], [[2.0, -1.0], [0.5, 0.5]]],
                   [[[1.0, 1.0], [0.0, -1.0]], [[-0.5, 0.0], [2.0, 1.0]], [[1.0, 0.0], [0.0, 1.0]]]], dtype=D)
show("channels", F.conv_transpose2d(X2, K2, stride=2, padding=1, output_padding=1))
print("  shape:", list(F.conv_transpose2d(torch.zeros(1, 3, 16, 16, dtype=D), torch.zeros(3, 8, 4, 4, dtype=D), stride=2, padding=1).shape))
