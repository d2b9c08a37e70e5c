-- WeChat subscription-message credits: each tap on 订阅 grants one send of that template to that
-- user (一次性订阅). Keyed `<account>:<template>`.
CREATE TABLE subscriptions (
  id text COLLATE "C" PRIMARY KEY,
  doc jsonb NOT NULL
);
