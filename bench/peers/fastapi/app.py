"""The seeds' stack: a FastAPI connection manager (rooms of sockets, a loop of awaited sends), as the
FastAPI guides write it, speaking Switchboard's envelope for benchmarks. No auth, no limits, no queues.

Run: /usr/bin/python3 -m uvicorn app:app --port 18082 --ws websockets --log-level warning
"""
import json
import uuid
from datetime import datetime, timezone
from typing import Dict, List

from fastapi import FastAPI, WebSocket, WebSocketDisconnect

app = FastAPI()


def envelope(type_, sender_id, payload):
    return json.dumps(
        {
            "type": type_,
            "message_id": str(uuid.uuid4()),
            "timestamp": datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
            "sender_id": sender_id,
            "payload": payload,
        },
        separators=(",", ":"),
    )


class ConnectionManager:
    def __init__(self):
        self.rooms: Dict[str, List[WebSocket]] = {}
        self.by_id: Dict[str, WebSocket] = {}

    async def connect(self, websocket: WebSocket, connection_id: str):
        await websocket.accept()
        self.by_id[connection_id] = websocket

    def disconnect(self, websocket: WebSocket, connection_id: str):
        self.by_id.pop(connection_id, None)
        for room, members in list(self.rooms.items()):
            if websocket in members:
                members.remove(websocket)
                if not members:
                    del self.rooms[room]

    async def join_room(self, room: str, websocket: WebSocket, notice: str):
        members = self.rooms.setdefault(room, [])
        for connection in members:
            await connection.send_text(notice)
        members.append(websocket)
        return len(members)

    async def broadcast_to_room(self, room: str, message: str, exclude: WebSocket = None):
        for connection in self.rooms.get(room, []):
            if connection is not exclude:
                await connection.send_text(message)


manager = ConnectionManager()


@app.websocket("/ws")
async def websocket_endpoint(websocket: WebSocket):
    connection_id = str(uuid.uuid4())
    user_id = "guest-" + connection_id[:12]
    await manager.connect(websocket, connection_id)
    await websocket.send_text(
        envelope("connection.established", None, {"connection_id": connection_id, "user_id": user_id})
    )
    try:
        while True:
            frame = json.loads(await websocket.receive_text())
            payload = frame.get("payload") or {}
            kind = frame.get("type")
            if kind == "room.join":
                room = payload["room_id"]
                notice = envelope(
                    "room.member.joined",
                    None,
                    {"room_id": room, "member": {"connection_id": connection_id, "user_id": user_id}},
                )
                count = await manager.join_room(room, websocket, notice)
                await websocket.send_text(envelope("room.joined", None, {"room_id": room, "member_count": count}))
            elif kind == "room.broadcast":
                room = payload["room_id"]
                text = envelope(
                    "room.broadcast",
                    user_id,
                    {"room_id": room, "message": payload.get("message"), "sender_connection_id": connection_id},
                )
                exclude = websocket if payload.get("exclude_sender") else None
                await manager.broadcast_to_room(room, text, exclude)
            elif kind == "message.direct":
                target = manager.by_id.get(payload.get("connection_id"))
                if target is not None:
                    await target.send_text(
                        envelope(
                            "message.direct",
                            user_id,
                            {"message": payload.get("message"), "sender_connection_id": connection_id},
                        )
                    )
    except WebSocketDisconnect:
        pass
    finally:
        manager.disconnect(websocket, connection_id)
