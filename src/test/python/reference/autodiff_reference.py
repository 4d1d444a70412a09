"""Independent reference numbers for org.backpropkit.autodiff.Value: one expression that uses every
operation, differentiated by PyTorch's autograd in float64. ValueTest pastes the printed values.
Run: /usr/bin/python3 src/test/python/reference/autodiff_reference.py   (needs python3-torch)
"""
import torch

a = torch.tensor(1.5, dtype=torch.float64, requires_grad=True)
b = torch.tensor(-0.75, dtype=torch.float64, requires_grad=True)
c = torch.tensor(2.0, dtype=torch.float64, requires_grad=True)

d = a * b + c ** 3                       # mul, pow, add
e = (a - b) / c                          # sub, div
f = torch.log(-d + 10)                   # neg, add a constant, log
g = torch.sigmoid(d) * 2 + torch.tanh(e)  # sigmoid, multiply by a constant, tanh
h = torch.relu(g - 1) + torch.relu(b)    # relu above and below the kink (b < 0)
k = torch.exp(-a * c)                    # exp
L = d + e + f + g + h + k + a * a        # a sum of seven terms; a is used in many places

L.backward()
for name, v in [("L", L), ("d", d), ("e", e), ("f", f), ("g", g), ("h", h), ("k", k)]:
    print(name, "=", repr(v.item()))
for name, v in [("a", a), ("b", b), ("c", c)]:
    print("dL/d" + name, "=", repr(v.grad.item()))
