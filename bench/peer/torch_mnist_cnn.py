"""netloom's MNIST CNN preset in PyTorch, for `npm run bench peer`.

conv 3x3 32 same + relu -> maxpool 2 -> conv 3x3 64 same + relu -> maxpool 2
-> flatten -> dense 10 (softmax cross-entropy), Adam lr 0.001, batch 64,
7,200 training digits and 800 validation digits per epoch (the first 8,000
of public/data/mnist-images.u8, scaled to 0-1), as netloom trains it.
Prints one JSON line per epoch: wall and process CPU milliseconds.
"""
import argparse
import json
import time

import numpy as np
import torch
from torch import nn

p = argparse.ArgumentParser()
p.add_argument("--data", required=True, help="folder with mnist-images.u8 and mnist-labels.u8")
p.add_argument("--threads", type=int, required=True)
p.add_argument("--epochs", type=int, default=2)
a = p.parse_args()

torch.set_num_threads(a.threads)
torch.set_num_interop_threads(1)
torch.manual_seed(1)

images = np.fromfile(f"{a.data}/mnist-images.u8", dtype=np.uint8)[: 8000 * 784].reshape(8000, 1, 28, 28)
labels = np.fromfile(f"{a.data}/mnist-labels.u8", dtype=np.uint8)[:8000].astype(np.int64)
x = torch.from_numpy(images.astype(np.float32) / 255.0)
y = torch.from_numpy(labels)
xt, yt, xv, yv = x[:7200], y[:7200], x[7200:], y[7200:]

model = nn.Sequential(
    nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
    nn.Flatten(), nn.Linear(64 * 7 * 7, 10),
)
opt = torch.optim.Adam(model.parameters(), lr=0.001)
loss_fn = nn.CrossEntropyLoss()
g = torch.Generator().manual_seed(1)

for epoch in range(a.epochs):
    w0, c0 = time.perf_counter(), time.process_time()
    model.train()
    order = torch.randperm(len(xt), generator=g)
    for i in range(0, len(xt), 64):
        idx = order[i : i + 64]
        opt.zero_grad()
        loss = loss_fn(model(xt[idx]), yt[idx])
        loss.backward()
        opt.step()
    model.eval()
    with torch.no_grad():
        acc = sum((model(xv[i : i + 64]).argmax(1) == yv[i : i + 64]).sum().item() for i in range(0, len(xv), 64)) / len(xv)
    print(json.dumps({"epoch": epoch + 1, "wallMs": (time.perf_counter() - w0) * 1000, "cpuMs": (time.process_time() - c0) * 1000, "loss": loss.item(), "valAcc": acc, "threads": torch.get_num_threads()}), flush=True)
